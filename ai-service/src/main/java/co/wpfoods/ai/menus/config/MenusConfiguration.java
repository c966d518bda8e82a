package co.wpfoods.ai.menus.config;

import co.wpfoods.ai.menus.adapter.out.db.JdbcMenuStore;
import co.wpfoods.ai.menus.adapter.out.lucene.LuceneMenuIndex;
import co.wpfoods.ai.menus.application.KeepingMenusCurrent;
import co.wpfoods.ai.menus.domain.MenuSnapshot;
import co.wpfoods.ai.understanding.config.AiProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Wires the menu index (Lucene, seeded from {@code wpfoods.ai.menu-seed} and the read model) and its feed. */
@Configuration(proxyBeanMethods = false)
class MenusConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MenusConfiguration.class);

    @Bean
    LuceneMenuIndex menuIndex(AiProperties props) {
        LuceneMenuIndex index = new LuceneMenuIndex();
        if (!props.menuSeed().isBlank()) {
            JsonMapper mapper = JsonMapper.builder().build();
            try {
                for (Resource r : new PathMatchingResourcePatternResolver().getResources(props.menuSeed())) {
                    try (InputStream in = r.getInputStream()) {
                        index.publish(mapper.readValue(in, MenuSnapshot.class));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read menu seed " + props.menuSeed(), e);
            }
            log.info("menu index seeded from {}: {}", props.menuSeed(), index.versionKey());
        }
        return index;
    }

    @Bean
    JdbcMenuStore menuStore(JdbcClient jdbc, Clock clock) {
        return new JdbcMenuStore(jdbc, clock);
    }

    @Bean
    KeepingMenusCurrent keepingMenusCurrent(JdbcMenuStore store, LuceneMenuIndex index) {
        KeepingMenusCurrent uc = new KeepingMenusCurrent(store, index);
        int n = uc.reload();
        log.info("menu index loaded {} menus from the read model", n);
        return uc;
    }
}
