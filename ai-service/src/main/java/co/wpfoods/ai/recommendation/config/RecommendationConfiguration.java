package co.wpfoods.ai.recommendation.config;

import co.wpfoods.ai.menus.application.MenuIndex;
import co.wpfoods.ai.recommendation.application.PopularityBoard;
import co.wpfoods.ai.recommendation.application.RecommendationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the popularity board (fed by order events) and the recommendations. */
@Configuration(proxyBeanMethods = false)
class RecommendationConfiguration {

    @Bean
    PopularityBoard popularityBoard() {
        return new PopularityBoard();
    }

    @Bean
    RecommendationService recommendationService(MenuIndex menus, PopularityBoard board) {
        return new RecommendationService(menus, board);
    }
}
