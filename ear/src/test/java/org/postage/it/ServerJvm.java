package org.postage.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What jcmd tells about a server's JVM: its threads and its heap. The same user on the same machine may ask. */
final class ServerJvm {

    private static final Pattern LIVE_THREADS = Pattern.compile("java\\.threads\\.live=(\\d+)");
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");
    /** subethasmtp names a session's thread so while the session runs; an idle pool thread is postage-smtp-N. */
    private static final String SESSION_THREAD = "\"org.subethamail.smtp.server.Session-";
    /** The first line of each thread in a Thread.print dump: its name in quotes, then "#id". */
    private static final Pattern THREAD_NAME = Pattern.compile("(?m)^\"(.*)\" #\\d+");

    private final long pid;

    ServerJvm(long pid) {
        this.pid = pid;
    }

    /** Live threads of the JVM. */
    int liveThreads() {
        return parse(LIVE_THREADS, jcmd("PerfCounter.print"));
    }

    /** SMTP sessions running now: a thread each. */
    int sessionThreads() {
        return count(jcmd("Thread.print"), SESSION_THREAD);
    }

    /**
     * The threads by name with numbers taken out ("postage-smtp-#", "default task-#"), most first: what a count
     * is made of.
     */
    Map<String, Integer> threadsByName() {
        Map<String, Integer> byName = new TreeMap<>();
        Matcher m = THREAD_NAME.matcher(jcmd("Thread.print"));
        while (m.find()) {
            byName.merge(m.group(1).replaceAll("\\d+", "#"), 1, Integer::sum);
        }
        Map<String, Integer> sorted = new LinkedHashMap<>();
        byName.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static int count(String text, String what) {
        int count = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            count++;
        }
        return count;
    }

    /** Used heap in KiB right after a full collection (GC.run is System.gc(): a full GC under G1). */
    long usedHeapAfterGcKiB() {
        jcmd("GC.run");
        return parse(HEAP_USED, jcmd("GC.heap_info"));
    }

    private String jcmd(String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(List.of(jcmd.toString(), Long.toString(pid), command))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + pid + " " + command + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int parse(Pattern pattern, String output) {
        Matcher m = pattern.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("jcmd answered without " + pattern + ":\n" + output);
        }
        return Integer.parseInt(m.group(1));
    }
}
