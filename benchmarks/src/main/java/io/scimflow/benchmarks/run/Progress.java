package io.scimflow.benchmarks.run;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Progress lines on stdout, with the time of day. */
public final class Progress {

    private final String scenario;

    public Progress(String scenario) {
        this.scenario = scenario;
    }

    public void say(String format, Object... args) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " [" + scenario + "] " + String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
