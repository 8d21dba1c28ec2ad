package io.scimflow.benchmarks.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The results as text: a console table, a Markdown table, and the ratios against a stored run. */
public final class ResultTable {

    private ResultTable() {
    }

    /** One line per metric: scenario, case, metric, value (and the notes of each case once). */
    public static String console(List<ScenarioResult> results) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"scenario", "case", "metric", "value"});
        for (ScenarioResult r : results) {
            for (Map.Entry<String, Double> m : r.metrics().entrySet()) {
                rows.add(new String[] {r.scenario(), r.label(), m.getKey(), format(m.getValue())});
            }
            for (Map.Entry<String, String> n : r.notes().entrySet()) {
                rows.add(new String[] {r.scenario(), r.label(), n.getKey(), n.getValue()});
            }
        }
        return align(rows);
    }

    public static String markdown(BenchmarkResult result) {
        StringBuilder md = new StringBuilder();
        MachineInfo m = result.machine();
        md.append("# Benchmark results: ").append(result.name()).append("\n\n");
        md.append("| machine | |\n|---|---|\n");
        md.append("| date | ").append(m.date()).append(" |\n");
        md.append("| git commit | ").append(m.gitCommit()).append(" |\n");
        md.append("| cores | ").append(m.cores()).append(" |\n");
        md.append("| memory | ").append(m.memoryMiB()).append(" MiB |\n");
        md.append("| CPU | ").append(m.cpuModel()).append(" |\n");
        md.append("| JDK | ").append(m.jdk()).append(" |\n");
        md.append("| OS | ").append(m.os()).append(" |\n");
        md.append("| arguments | `").append(String.join(" ", result.arguments())).append("` |\n\n");
        String scenario = null;
        for (ScenarioResult r : result.results()) {
            if (!r.scenario().equals(scenario)) {
                scenario = r.scenario();
                md.append("## ").append(scenario).append("\n\n");
            }
            md.append("### ").append(r.label()).append("\n\n| metric | value |\n|---|---:|\n");
            r.metrics().forEach((k, v) -> md.append("| ").append(k).append(" | ").append(format(v)).append(" |\n"));
            r.notes().forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
            md.append("\n");
        }
        return md.toString();
    }

    /** Every metric present in both runs: now, stored, now / stored. */
    public static String comparison(List<ScenarioResult> now, BenchmarkResult stored) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"scenario", "case", "metric", "now", "stored", "now/stored"});
        for (ScenarioResult r : now) {
            stored.find(r.key()).ifPresent(old -> r.metrics().forEach((metric, value) -> {
                Double before = old.metrics().get(metric);
                if (before != null) {
                    String ratio = before == 0 ? "-" : String.format(Locale.ROOT, "%.2f", value / before);
                    rows.add(new String[] {r.scenario(), r.label(), metric, format(value), format(before), ratio});
                }
            }));
        }
        return rows.size() == 1 ? "Nothing to compare: no case of this run is in the stored result.\n" : align(rows);
    }

    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e12) {
            return String.format(Locale.ROOT, "%d", (long) value);
        }
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String align(List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                out.append(String.format(Locale.ROOT, "%-" + width[i] + "s", row[i])).append(i + 1 < columns ? "  " : "");
            }
            out.append(System.lineSeparator());
        }
        return out.toString();
    }
}
