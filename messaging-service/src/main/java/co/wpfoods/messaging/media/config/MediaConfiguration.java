package co.wpfoods.messaging.media.config;

import co.wpfoods.messaging.media.adapter.out.graph.ApacheGraphMedia;
import co.wpfoods.messaging.media.application.UploadingMedia;
import co.wpfoods.messaging.sending.config.MessagingProperties;
import co.wpfoods.security.Role;
import co.wpfoods.security.web.ApiAuthorization;
import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The internal media upload: who may call it ({@code service} tokens) and its Graph client. */
@Configuration(proxyBeanMethods = false)
class MediaConfiguration {

    @Bean(destroyMethod = "close")
    ApacheGraphMedia graphMedia(MessagingProperties properties) {
        MessagingProperties.Graph g = properties.graph();
        return new ApacheGraphMedia(
                URI.create(g.phoneNumberUri() + "/media"), g::token, g.connectTimeout(), g.requestTimeout());
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
