package dev.mirlink.rlib;

import java.util.ArrayList;
import java.util.List;

/**
 * Items in def-path order, cut into members of about chunkBytes uncompressed bytes, each
 * member compressed as a whole: better ratio than per-item compression, coarser lazy loads.
 */
public record ChunkedLayout(Codec codec, int chunkBytes) implements RlibLayout {
    public static final int DEFAULT_CHUNK = 64 * 1024;

    public ChunkedLayout {
        if (chunkBytes <= 0) {
            throw new IllegalArgumentException("chunkBytes must be positive: " + chunkBytes);
        }
    }

    @Override
    public String name() {
        return "chunked-" + chunkBytes;
    }

    @Override
    public List<MemberPlan> plan(List<Item> items) {
        List<MemberPlan> plans = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        long size = 0;
        for (int i = 0; i < items.size(); i++) {
            current.add(i);
            size += items.get(i).bytes().length;
            if (size >= chunkBytes) {
                plans.add(new MemberPlan(current, Codecs.NONE, codec));
                current = new ArrayList<>();
                size = 0;
            }
        }
        if (!current.isEmpty()) {
            plans.add(new MemberPlan(current, Codecs.NONE, codec));
        }
        return plans;
    }
}
