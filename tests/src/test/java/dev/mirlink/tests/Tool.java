package dev.mirlink.tests;

import dev.mirlink.driver.produce.CrateProducer;
import dev.mirlink.mir.CrateRecord;
import dev.mirlink.mir.item.ItemTable;
import dev.mirlink.rlib.RlibReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs the repo's tools (bin/mirlink, rustc, cargo, ar) the way a user would, for every test package. */
public final class Tool {
    public static final Path REPO = findRepo();
    public static final Path MIRLINK = REPO.resolve("bin/mirlink");
    public static final String RUSTC = "/usr/bin/rustc";
    public static final String CARGO = "/usr/bin/cargo";

    public record Result(List<String> command, int exit, String stdout, String stderr) {
        public boolean ok() {
            return exit == 0;
        }

        public Result expectSuccess() {
            if (exit != 0) throw new AssertionError(describe(Integer.MAX_VALUE) + "\nstdout:\n" + stdout);
            return this;
        }

        /** The exit code, the command and the head of stderr, for failure messages. */
        public String describe(int stderrLines) {
            String[] lines = stderr.strip().split("\n");
            StringBuilder sb = new StringBuilder("exit ").append(exit).append(": ").append(String.join(" ", command));
            for (int i = 0; i < Math.min(stderrLines, lines.length); i++) sb.append("\n        ").append(lines[i]);
            if (lines.length > stderrLines) sb.append("\n        ... (").append(lines.length - stderrLines).append(" more lines)");
            return sb.toString();
        }
    }

    private Tool() {}

    public static Result run(Path dir, Map<String, String> env, List<String> command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
            pb.environment().putAll(env);
            Path out = Files.createTempFile("tool-out", ".txt"), err = Files.createTempFile("tool-err", ".txt");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            if (!p.waitFor(30, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            Result r = new Result(List.copyOf(command), p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static Result mirlink(String... args) {
        List<String> command = new ArrayList<>(List.of(MIRLINK.toString()));
        command.addAll(List.of(args));
        return run(REPO, Map.of(), command);
    }

    /** The cached MIR-only sysroot for {@code target}, built on first use. */
    public static Path sysroot(String target) {
        return Path.of(lastLine(mirlink("sysroot", "--target", target).expectSuccess().stdout()));
    }

    /** A MIR-only rlib's item table (its {@code #crate} record). */
    public static ItemTable itemTable(Path rlib) {
        CrateRecord r = RlibReader.open(rlib, CrateProducer.SCHEMA).load(CrateRecord.KEY, CrateRecord.class);
        return new ItemTable(r.crateName(), r.items(), r.externCrates());
    }

    /** The item tables of every rlib in a directory, in name order. */
    public static List<ItemTable> itemTables(Path libDir) {
        List<ItemTable> tables = new ArrayList<>();
        try (Stream<Path> s = Files.list(libDir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".rlib")).sorted().toList()) tables.add(itemTable(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tables;
    }

    public static String lastLine(String s) {
        String[] lines = s.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    static List<String> arMembers(Path rlib) {
        return List.of(run(REPO, Map.of(), List.of("ar", "t", rlib.toString())).expectSuccess().stdout().split("\n"));
    }

    private static Path findRepo() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isExecutable(p.resolve("bin/mirlink"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("cannot find the repo root (bin/mirlink)");
        return p;
    }
}
