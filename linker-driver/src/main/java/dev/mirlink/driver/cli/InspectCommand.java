package dev.mirlink.driver.cli;

import dev.mirlink.driver.produce.CrateProducer;
import dev.mirlink.mir.CrateRecord;
import dev.mirlink.rlib.ArMember;
import dev.mirlink.rlib.RlibHeader;
import dev.mirlink.rlib.RlibReader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mirlink inspect FILE.rlib}: header, members with sizes, and the item count. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Print a MIR-only rlib's header, its members with their sizes, and `items: N`.",
                "Every record is decoded and checked against its content hash unless --no-verify is given."})
public final class InspectCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE.rlib", description = "the MIR-only rlib to inspect")
    Path rlib;

    @Option(names = "--items", description = "also list every item's def path")
    boolean listItems;

    @Option(names = "--no-verify", description = "read only the header and the index")
    boolean noVerify;

    @Override
    public Integer call() {
        RlibReader reader = noVerify ? RlibReader.open(rlib) : RlibReader.open(rlib, CrateProducer.SCHEMA);
        RlibHeader h = reader.header();
        System.out.println("file: " + rlib);
        System.out.println("format: " + h.formatVersion() + " (" + h.producer() + ", rustc " + h.rustcVersion() + ")");
        System.out.println("crate: " + h.crateName());
        System.out.println("target: " + h.targetTriple());
        System.out.println("crate hash: " + h.crateHash());
        System.out.println("layout: " + h.layout());
        System.out.println("members:");
        for (ArMember m : reader.members()) {
            System.out.printf("  %-16s %10d bytes%n", m.name(), m.size());
        }
        List<String> items = reader.itemPaths().stream().filter(p -> !p.equals(CrateRecord.KEY)).toList();
        if (listItems) items.forEach(p -> System.out.println("  item " + p));
        if (!noVerify) reader.loadAll();
        System.out.println("items: " + items.size());
        return 0;
    }
}
