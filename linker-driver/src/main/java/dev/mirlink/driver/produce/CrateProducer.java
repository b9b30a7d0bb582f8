package dev.mirlink.driver.produce;

import dev.mirlink.bridge.hygiene.HygieneData;
import dev.mirlink.bridge.link.BodyLinker;
import dev.mirlink.bridge.link.CallerLocationSpans;
import dev.mirlink.bridge.link.LinkResult;
import dev.mirlink.bridge.mirtext.MirTextReader;
import dev.mirlink.bridge.rustc.CrateFrontend;
import dev.mirlink.bridge.rustc.Rustc;
import dev.mirlink.bridge.rustc.RustcInvocation;
import dev.mirlink.bridge.rustdoc.RustdocReader;
import dev.mirlink.driver.FileTrees;
import dev.mirlink.driver.MirlinkException;
import dev.mirlink.driver.sysroot.Targets;
import dev.mirlink.mir.CrateItem;
import dev.mirlink.mir.CrateRecord;
import dev.mirlink.mir.body.MirFile;
import dev.mirlink.mir.item.ItemTable;
import dev.mirlink.rlib.Codecs;
import dev.mirlink.rlib.CrateInfo;
import dev.mirlink.rlib.KryoSchema;
import dev.mirlink.rlib.PerModuleLayout;
import dev.mirlink.rlib.RlibHeader;
import dev.mirlink.rlib.RlibLayout;
import dev.mirlink.rlib.RlibWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The per-crate work of wrapper mode: rustc and rustdoc, then reader, linker and rlib writer.
 * Stages are numbered as they run.
 */
public final class CrateProducer {
    public static final KryoSchema SCHEMA = KryoSchema.of(CrateItem.class, CrateRecord.class);
    public static final RlibLayout LAYOUT = new PerModuleLayout(Codecs.ZSTD);

    private CrateProducer() {}

    /** Keys caches of MIR-only rlibs (the sysroot): format version and the producing code. */
    public static String formatKey() {
        return "v" + RlibHeader.FORMAT_VERSION + "-" + ProducerFingerprint.compute();
    }

    public static int produce(Rustc rustc, RustcInvocation inv) {
        Path work = tempDir();
        try {
            // 1. rustc (metadata, MIR text) and rustdoc (items)
            CrateFrontend.Output out = CrateFrontend.run(rustc, inv, work);
            if (out.exitCode() != 0) return out.exitCode();
            // 2. read both, strictly
            String target = inv.targetOrHost(rustc.hostTriple());
            ItemTable items = RustdocReader.read(out.rustdocJson());
            // spans are relative to rustc's working directory, which is ours, or for the sysroot's
            // crates to the rust-src library SysrootBuilder runs cargo in
            Path sourceRoot = Path.of("").toAbsolutePath();
            MirFile mir = CallerLocationSpans.resolve(MirTextReader.readWithSpans(out.mirText(), new MirTextReader.Options(
                    Targets.pointerBytes(target), false, items.rootTypeAndValueNames())), HygieneData.read(out.hygiene()),
                    sourceRoot, rustc.rustSrc());
            // 3. every body to its item; a body we cannot place is an error, never dropped
            LinkResult linked = BodyLinker.link(items, mir, UpstreamTables.load(inv, items), sourceRoot);
            if (!linked.problems().isEmpty()) {
                throw MirlinkException.badInput("crate `" + inv.crateName() + "` (" + inv.sourceFile() + "): "
                        + linked.problems().size() + " MIR bodies or paths not linked to an item, first: "
                        + linked.problems().get(0));
            }
            Map<String, Object> records = CrateItems.group(linked, mir);
            // 4. the rlib, written atomically
            new RlibWriter(SCHEMA, LAYOUT).write(inv.rlibPath(), new CrateInfo(inv.crateName(), rustc.version(), target),
                    Files.readAllBytes(out.rmeta()), records);
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("crate `" + inv.crateName() + "`: " + e.getMessage(), e);
        } finally {
            try {
                FileTrees.delete(work);
            } catch (IOException ignored) {
                // a leftover temporary directory is harmless
            }
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("mirlink-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }
}
