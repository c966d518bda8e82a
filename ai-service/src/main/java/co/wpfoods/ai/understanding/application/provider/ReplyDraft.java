package co.wpfoods.ai.understanding.application.provider;

/** What a model is asked to return for a support question (structured output). */
public record ReplyDraft(String reply, String language) {}
