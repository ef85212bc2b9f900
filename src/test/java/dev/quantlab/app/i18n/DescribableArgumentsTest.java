package dev.quantlab.app.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.quantlab.app.services.TestSubset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A value passed to a message says itself in the message's language, never as {@code toString()}. */
class DescribableArgumentsTest {
    @Test
    void aTestSubsetInAJobTitleIsWrittenInTheLanguageOfTheTitle() {
        Texts en = Texts.of(Locale.ENGLISH);
        Texts zh = Texts.of(Locale.TRADITIONAL_CHINESE);
        TestSubset hundred = new TestSubset(100);
        // the pattern is taken from the bundle, the argument is described by the same Texts
        String enTitle = en.t("integer.run.job", hundred);
        String zhTitle = zh.t("integer.run.job", hundred);
        assertEquals(en.t("integer.run.job", hundred.describe(en)), enTitle);
        assertEquals(zh.t("integer.run.job", hundred.describe(zh)), zhTitle);
        assertFalse(enTitle.contains("TestSubset"), enTitle);
        assertFalse(zhTitle.contains("TestSubset"), zhTitle);
        assertFalse(zhTitle.contains("images"), zhTitle);
    }
}
