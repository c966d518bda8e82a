package co.wpfoods.security.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

class PageBoundsTest {

    @RestController
    static class Listing {
        @GetMapping("/things")
        List<Integer> things(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
            PageBounds.check(page, size);
            return List.of(page, size);
        }
    }

    final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Listing())
            .setControllerAdvice(new PageBoundsAdvice())
            .build();

    @ParameterizedTest(name = "page {0}, size {1} is within bounds")
    @CsvSource({"0, 1", "0, 100", "7, 50", "2147483647, 100"})
    void a_page_from_zero_and_a_size_from_one_to_a_hundred_is_accepted(int page, int size) {
        assertThatCode(() -> PageBounds.check(page, size)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "page {0}, size {1} is refused")
    @CsvSource({"-1, 20", "0, 0", "0, -5", "0, 101", "-2147483648, 2147483647"})
    void a_negative_page_or_a_size_outside_one_to_a_hundred_is_refused_with_the_reason(int page, int size) {
        assertThatThrownBy(() -> PageBounds.check(page, size))
                .isInstanceOf(PageBounds.OutOfBounds.class)
                .hasMessageContaining("page must be ≥ 0 and size between 1 and 100")
                .hasMessageContaining("page " + page + ", size " + size);
    }

    @Test
    void given_a_controller_that_checks_its_page_when_the_size_is_too_large_then_the_answer_is_400_with_the_reason()
            throws Exception {
        mvc.perform(get("/things").param("size", "101"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail")
                        .value("page must be ≥ 0 and size between 1 and 100 (got page 0, size 101)"));
    }

    @Test
    void given_a_controller_that_checks_its_page_when_the_page_is_within_bounds_then_the_list_is_answered()
            throws Exception {
        mvc.perform(get("/things").param("page", "3").param("size", "100"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0]").value(3))
                .andExpect(jsonPath("$[1]").value(100));
    }
}
