package dev.quantlab.core;

/**
 * An error caused by user input (a missing or corrupt file, a bad option) whose message is meant
 * to be shown as is: it names the file or value and says what is wrong.
 */
public class UserFacingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserFacingException(String message) {
        super(message);
    }

    public UserFacingException(String message, Throwable cause) {
        super(message, cause);
    }
}
