package dev.quantlab.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.kmeans.Init;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A mixed-precision run is marked by its note, shown as "mixed" and keeps the mark through the results file. */
class MixedRecordTest {
    @Test
    void aMixedRunIsLabelledMixedAndStaysSoThroughTheResultsFile() {
        RunRecord uniform = RunRecords.kmeans(5, 2.13, 2.15, 66.67, 10_000, Init.KMEANS_PLUS_PLUS, 0);
        assertFalse(uniform.isMixed());
        assertEquals("W5", uniform.bitsLabel());

        RunRecord mixed = RunRecord.mixed(uniform, "conv0=5 conv1=2 conv2=4 conv3=4 conv4=2 conv5=1 conv6=2 conv7=2 fc=5");
        assertTrue(mixed.isMixed());
        assertEquals("mixed", mixed.bitsLabel());
        assertEquals("mixed precision: conv0=5 conv1=2 conv2=4 conv3=4 conv4=2 conv5=1 conv6=2 conv7=2 fc=5; "
                + uniform.note(), mixed.note());
        assertEquals(5, mixed.weightBits(), "the largest width stays the record's bits");

        RunRecord read = ResultsJson.read(ResultsJson.write(List.of(mixed))).runs().get(0);
        assertTrue(read.isMixed());
        assertEquals("mixed", read.bitsLabel());
        assertEquals(mixed.note(), read.note());
    }
}
