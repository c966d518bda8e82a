package co.wpfoods.messaging.config;

import co.wpfoods.messaging.adapter.out.graph.ApacheGraphMedia;
import co.wpfoods.messaging.application.UploadingMedia;
import co.wpfoods.security.Role;
import co.wpfoods.security.web.ApiAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The internal media upload: who may call it ({@code service} tokens) and its Graph client. */
@Configuration(proxyBeanMethods = false)
class MediaConfiguration {

    @Bean(destroyMethod = "close")
    ApacheGraphMedia graphMedia(MessagingProperties properties) {
        return new ApacheGraphMedia(properties.graph());
    }

    @Bean
    UploadingMedia uploadingMedia(ApacheGraphMedia graph) {
        return new UploadingMedia(graph);
    }

    @Bean
    ApiAuthorization mediaApi() {
        return rules ->
                rules.requestMatchers(HttpMethod.POST, "/api/messaging/media").hasRole(Role.SERVICE.claimValue());
    }
}
