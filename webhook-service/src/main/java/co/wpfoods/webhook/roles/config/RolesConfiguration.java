package co.wpfoods.webhook.roles.config;

import co.wpfoods.eventing.inbox.Inbox;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.webhook.roles.adapter.in.kafka.RoleDirectoryListener;
import co.wpfoods.webhook.roles.adapter.out.db.JdbcRoleDirectory;
import co.wpfoods.webhook.roles.application.KeepingRoleDirectory;
import co.wpfoods.webhook.roles.application.RoleDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wires the role directory: its table, the use case that keeps it and the listener that feeds the use case. */
@Configuration(proxyBeanMethods = false)
public class RolesConfiguration {

    @Bean
    JdbcRoleDirectory roleDirectory(JdbcClient jdbc, LookupHash lookupHash) {
        return new JdbcRoleDirectory(jdbc, lookupHash);
    }

    @Bean
    KeepingRoleDirectory keepingRoleDirectory(RoleDirectory directory) {
        return new KeepingRoleDirectory(directory);
    }

    @Bean
    RoleDirectoryListener roleDirectoryListener(Inbox inbox, KeepingRoleDirectory keeping) {
        return new RoleDirectoryListener(inbox, keeping);
    }
}
