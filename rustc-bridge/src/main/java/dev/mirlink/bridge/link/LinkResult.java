package dev.mirlink.bridge.link;

import dev.mirlink.mir.item.ItemTable;

import java.util.List;

/**
 * A crate after linking: its items with impl paths as MIR prints them and the items rustdoc
 * omits added (marked synthesized), one link per linked MIR entry in file order ({@link
 * BodyLink#entry} indexes {@code MirFile.entries()}), and the problems.
 */
public record LinkResult(ItemTable items, List<BodyLink> links, List<LinkProblem> problems) {
    public LinkResult {
        links = List.copyOf(links);
        problems = List.copyOf(problems);
    }

    /** Unlinked bodies and unresolved paths; empty for a crate mirlink can store. */
    public List<LinkProblem> check() {
        return problems;
    }
}
