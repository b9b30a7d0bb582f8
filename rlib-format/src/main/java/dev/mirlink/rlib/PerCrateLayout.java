package dev.mirlink.rlib;

import java.util.List;
import java.util.stream.IntStream;

/** All items in one member, each compressed independently. */
public record PerCrateLayout(Codec codec) implements RlibLayout {
    @Override
    public String name() {
        return "per-crate";
    }

    @Override
    public List<MemberPlan> plan(List<Item> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        return List.of(new MemberPlan(IntStream.range(0, items.size()).boxed().toList(), codec, Codecs.NONE));
    }
}
