package org.postage.infrastructure.config;

import java.util.List;

/** One or more settings have values Postage cannot run with; the message names each, on one line. */
public class InvalidSettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    InvalidSettingsException(List<String> problems) {
        super((problems.size() == 1 ? "Invalid setting: " : "Invalid settings: ") + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One sentence per bad setting: the variable, the property, the value and what is allowed. */
    public List<String> problems() {
        return problems;
    }
}
