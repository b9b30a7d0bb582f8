package dev.mirlink.driver.codegen;

import dev.mirlink.driver.MirlinkException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The system linker: {@code cc} for x86_64, {@code aarch64-linux-gnu-gcc} for aarch64, with rustc's
 * flags for a Linux executable (PIE, {@code --gc-sections}, {@code --as-needed}). The output is linked
 * to a temporary name and renamed, so a failed link leaves nothing behind.
 */
public final class SystemLinker {
    private static final Pattern UNDEFINED = Pattern.compile("undefined reference to `([^']+)'");

    private SystemLinker() {}

    /** {@code referrers}: for each symbol, the instance that first referenced it, for errors. */
    public static void link(String target, List<Path> objects, List<String> libs, Path output, Map<String, String> referrers) {
        String cc = target.startsWith("aarch64") ? "aarch64-linux-gnu-gcc" : "cc";
        Path tmp = output.resolveSibling(output.getFileName() + ".mirlink-tmp");
        List<String> cmd = new ArrayList<>(List.of(cc));
        for (Path o : objects) cmd.add(o.toString());
        cmd.addAll(List.of("-Wl,--as-needed", "-Wl,--gc-sections", "-pie", "-Wl,-z,relro,-z,now", "-Wl,-z,noexecstack", "-o", tmp.toString()));
        for (String l : libs) cmd.add("-l" + l);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                Files.deleteIfExists(tmp);
                Matcher m = UNDEFINED.matcher(out);
                if (m.find()) {
                    String sym = m.group(1);
                    String by = referrers.get(sym);
                    throw MirlinkException.compileError("undefined symbol `" + sym + "`" + (by == null ? "" : ", referenced by " + by)
                            + " (linking " + output + ")");
                }
                String first = out.lines().filter(l -> !l.isBlank()).findFirst().orElse("exit " + p.exitValue());
                throw MirlinkException.compileError(cc + " failed: " + first + " (linking " + output + ")");
            }
            Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw MirlinkException.compileError("cannot run " + cc + ": " + e.getMessage() + " (linking " + output + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MirlinkException.compileError("interrupted while linking " + output);
        }
    }
}
