package org.postdesk.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.postdesk.outbound.AgentTexts;
import org.postdesk.tickets.reply.ExtractedReply;
import org.postdesk.tickets.reply.NoticeFrame;
import org.postdesk.tickets.reply.ReplyExtractor;
import org.postdesk.tickets.reply.Writer;

/**
 * The quote-extraction benchmark of issue 14: the reply extractor on replies of 128 KB to 4 MB with
 * thousands of quoted lines, in the shapes that cost the most (a top-posted reply over a deep quote, an
 * inline answer every 20 quoted lines, and hostile text: long lines, near-miss quote headers, runs of
 * blank lines and lines ending in ':'). Prints the median time per reply, the throughput and the
 * time per MB at each size, so a superlinear step shows as a growing time per MB; exits 1 when a 1 MB
 * reply takes 1 s or more, or when 4 MB takes more than 8 times as long as 1 MB.
 */
public final class QuoteBenchmark {
    private static final int RUNS = 9;
    private static final int[] SIZES_KB = {128, 512, 1024, 2048, 4096};
    private static final double LIMIT_1MB_MS = 1000;
    private final ReplyExtractor extractor = new ReplyExtractor(new NoticeFrame(AgentTexts.helpPrefixes()));

    public static void main(String[] args) {
        System.exit(new QuoteBenchmark().run() ? 0 : 1);
    }

    private boolean run() {
        Table t = new Table();
        t.line("Quote extraction (issue 14): median of " + RUNS + " runs after warm-up, one thread");
        t.row("machine", Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name")
                + " " + System.getProperty("java.runtime.version") + ", heap max "
                + Table.mb(Runtime.getRuntime().maxMemory()));
        boolean ok = true;
        ok &= shape(t, "top-posted", kb -> topPosted(kb * 1024));
        ok &= shape(t, "inline", kb -> inline(kb * 1024));
        ok &= shape(t, "hostile", kb -> hostile(kb * 1024));
        t.flush(System.out);
        return ok;
    }

    private boolean shape(Table t, String name, IntFunction<String> mail) {
        t.line("");
        t.line("  " + name);
        double oneMb = 0;
        double fourMb = 0;
        for (int kb : SIZES_KB) {
            String body = mail.apply(kb);
            long lines = body.chars().filter(c -> c == '\n').count();
            ExtractedReply r = null;
            for (int i = 0; i < 3; i++) {
                r = extractor.extract(body, Writer.AGENT); // warm-up, and the JIT sees every size
            }
            double[] ms = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                r = extractor.extract(body, Writer.AGENT);
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(ms);
            double median = ms[RUNS / 2];
            double mb = body.length() / 1024.0 / 1024.0;
            t.row(String.format("%5d KB", kb), String.format("%7d lines, %5d hidden  %8.1f ms  %7.1f MB/s"
                    + "  %6.1f ms/MB  (%s)", lines, r.hiddenLines(), median, mb / (median / 1000), median / mb, r.shape()));
            oneMb = kb == 1024 ? median : oneMb;
            fourMb = kb == 4096 ? median : fourMb;
        }
        boolean fast = oneMb < LIMIT_1MB_MS;
        boolean linear = fourMb <= 8 * Math.max(oneMb, 0.5);
        t.verdict("1 MB", String.format("%.1f ms", oneMb), "target < 1000 ms", fast);
        t.verdict("4 MB / 1 MB", String.format("%.1f x", fourMb / Math.max(oneMb, 0.001)), "linear: about 4, at most 8",
                linear);
        return fast && linear;
    }

    /** "Fixed." above Gmail's header and the notification quoted many levels deep. */
    private static String topPosted(int bytes) {
        List<String> lines = new ArrayList<>(List.of("Fixed, please check.", "", "Bob", "",
                "On Mon, 23 Nov 2026 at 10:00, Postdesk Support <support@example.com> wrote:", "",
                "> " + NoticeFrame.MARKER, ">"));
        fill(lines, bytes, i -> ">".repeat(1 + i % 5) + " line " + i + " of the quoted history, as long as mail lines are");
        return String.join("\n", lines);
    }

    /** An answer after every 20 quoted lines. */
    private static String inline(int bytes) {
        List<String> lines = new ArrayList<>(List.of("Hi Anna,", "",
                "On Mon, 23 Nov 2026 at 10:00, Postdesk Support <support@example.com> wrote:", "> " + NoticeFrame.MARKER));
        fill(lines, bytes, i -> i % 21 == 20 ? "Answer " + i + ": done, see the log." : "> question " + i + " in the quote?");
        return String.join("\n", lines);
    }

    /** Lines that make regular expressions work: near-miss headers, 10 KB lines, blank runs, trailing colons. */
    private static String hostile(int bytes) {
        String[] kinds = {
            "On Monday at 10:00 we restarted it and then",
            "On " + "x ".repeat(150) + "10:00 wrote",
            "From: somebody", "", "", "",
            "3 " + "1".repeat(300) + " 10:00, <a@b>",
            "Note:", "> quoted after a colon",
            "a".repeat(10_000),
            "--------------------------------------------------",
            "-- reply above this line -- " + "x".repeat(500),
        };
        List<String> lines = new ArrayList<>(List.of("Hi,"));
        fill(lines, bytes, i -> kinds[i % kinds.length]);
        return String.join("\n", lines);
    }

    private static void fill(List<String> lines, int bytes, IntFunction<String> line) {
        int size = lines.stream().mapToInt(l -> l.length() + 1).sum();
        for (int i = 0; size < bytes; i++) {
            String l = line.apply(i);
            lines.add(l);
            size += l.length() + 1;
        }
    }
}
