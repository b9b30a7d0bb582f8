package dev.mirlink.rlib;

import java.util.List;

/**
 * Decides how serialized items are grouped into archive members and compressed. The writer
 * names the members (mirlink.0, mirlink.1, ...) and records each member's and item's codec in
 * the index and the layout name in the header, so a reader never needs the layout itself.
 */
public interface RlibLayout {
    /** Short name stored in the header, e.g. "per-crate". */
    String name();

    /**
     * Plans the members. items are sorted by def path; every index 0..items.size()-1 must
     * appear in exactly one plan. Must be deterministic and must not modify the bytes.
     */
    List<MemberPlan> plan(List<Item> items);

    /** One serialized (uncompressed) record. */
    record Item(String defPath, byte[] bytes) {
    }

    /**
     * One member: the items it holds, in order, each compressed on its own with recordCodec
     * (lazy per-item load reads only its bytes), and the concatenation then compressed as a
     * whole with memberCodec ("solid": a load decompresses the whole member).
     */
    record MemberPlan(List<Integer> items, Codec recordCodec, Codec memberCodec) {
        public MemberPlan {
            items = List.copyOf(items);
        }
    }

    /** The shipped layouts by name: per-crate, per-module, chunked (64 KiB). */
    static RlibLayout named(String name, Codec codec) {
        return switch (name) {
            case "per-crate" -> new PerCrateLayout(codec);
            case "per-module" -> new PerModuleLayout(codec);
            case "chunked" -> new ChunkedLayout(codec, ChunkedLayout.DEFAULT_CHUNK);
            default -> throw new IllegalArgumentException(
                    "unknown layout '" + name + "', expected one of per-crate, per-module, chunked");
        };
    }
}
