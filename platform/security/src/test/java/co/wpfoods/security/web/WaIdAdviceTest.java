package co.wpfoods.security.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.wpfoods.schemas.wa.WaId;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

class WaIdAdviceTest {

    @RestController
    static class Numbers {
        @GetMapping("/numbers")
        String number(@RequestParam String typed) {
            return WaId.parse(typed).value();
        }
    }

    final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Numbers())
            .setControllerAdvice(new WaIdAdvice())
            .build();

    @Test
    void given_a_controller_that_parses_a_number_when_it_is_not_one_then_the_answer_is_400_with_the_reason()
            throws Exception {
        mvc.perform(get("/numbers").param("typed", "57300abc"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("digits")));
    }

    @Test
    void given_a_controller_that_parses_a_number_when_it_is_one_then_it_is_answered_in_metas_form() throws Exception {
        mvc.perform(get("/numbers").param("typed", "+57 300 555 0301"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string("573005550301"));
    }
}
