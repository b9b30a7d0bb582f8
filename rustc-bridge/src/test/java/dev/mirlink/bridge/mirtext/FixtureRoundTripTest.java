package dev.mirlink.bridge.mirtext;

import dev.mirlink.mir.body.MirFile;
import dev.mirlink.mir.print.MirPrinter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FixtureRoundTripTest {
    @ParameterizedTest
    @ValueSource(strings = {"closures_and_scopes.mir", "consts.mir", "terminators.mir", "allocs.mir", "synthetic_allocs.mir", "user_crate.mir"})
    void printsBackTheSameTextAndModel(String fixture) {
        String text = Fixtures.text(fixture);
        MirFile model = MirTextReader.parse(text);
        String printed = new MirPrinter().print(model);
        assertEquals(text, printed);
        assertEquals(model, MirTextReader.parse(printed));
    }
}
