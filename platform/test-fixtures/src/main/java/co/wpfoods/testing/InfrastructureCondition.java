package co.wpfoods.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips every integration test class ({@code *IT}) with the reason when {@link Infrastructure} cannot give the
 * infrastructure this run asked for (the {@code docker} profile without Docker). Registered through JUnit's extension
 * auto-detection, which only the {@code docker} profile switches on.
 */
public class InfrastructureCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        boolean integrationTest = context.getTestClass()
                .map(type -> type.getSimpleName().endsWith("IT"))
                .orElse(false);
        Infrastructure.Choice choice = Infrastructure.current();
        if (integrationTest && choice.skip()) {
            return ConditionEvaluationResult.disabled("Skipped: " + choice.reason());
        }
        return ConditionEvaluationResult.enabled(choice.reason());
    }
}
