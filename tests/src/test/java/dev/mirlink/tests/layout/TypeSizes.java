package dev.mirlink.tests.layout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * rustc's {@code -Zprint-type-sizes} output read back (printer: rustc_session/src/code_stats.rs):
 * field offsets are rebuilt from the padding lines and the explicit {@code offset:} of out-of-order fields.
 */
record TypeSizes(String name, long size, long align, Long discriminantSize, Map<String, VariantInfo> variants) {
    record FieldInfo(String name, long offset, long size) {}

    /** {@code size} as rustc records it: the end of the last field, or the variant's size when that is 0. */
    record VariantInfo(String name, long size, List<FieldInfo> fields) {}

    static List<TypeSizes> parse(String stdout) {
        List<TypeSizes> out = new ArrayList<>();
        String name = null;
        long size = 0, align = 0;
        Long discr = null;
        Map<String, VariantInfo> variants = null;
        String variant = null;
        long variantSize = 0, minOffset = 0, pad = 0;
        List<FieldInfo> fields = null;
        for (String raw : (stdout + "\nprint-type-size type: `<end>`: 0 bytes, alignment: 1 bytes").split("\n")) {
            if (!raw.startsWith("print-type-size ")) continue;
            String line = raw.substring("print-type-size ".length());
            String t = line.strip();
            if (t.startsWith("type: `")) {
                if (name != null) {
                    if (variant != null) variants.put(variant, new VariantInfo(variant, variantSize, fields));
                    out.add(new TypeSizes(name, size, align, discr, variants));
                }
                int end = t.lastIndexOf("`: ");
                name = t.substring(7, end);
                String[] nums = t.substring(end + 3).split(" bytes, alignment: ");
                size = Long.parseLong(nums[0]);
                align = Long.parseLong(nums[1].replace(" bytes", ""));
                discr = null;
                variants = new LinkedHashMap<>();
                variant = null;
                fields = null;
                continue;
            }
            if (t.startsWith("discriminant: ")) {
                discr = Long.parseLong(t.substring(14).replace(" bytes", ""));
                continue;
            }
            if (t.startsWith("variant `")) {
                if (variant != null) variants.put(variant, new VariantInfo(variant, variantSize, fields));
                int end = t.lastIndexOf("`: ");
                variant = t.substring(9, end);
                variantSize = Long.parseLong(t.substring(end + 3).replace(" bytes", "")) + (discr == null ? 0 : discr);
                fields = new ArrayList<>();
                minOffset = discr == null ? 0 : discr;
                pad = 0;
                continue;
            }
            if (t.startsWith("end padding: ")) continue;
            if (variant == null && (t.startsWith("field `") || t.startsWith("padding: "))) {
                variant = "";
                variantSize = -1;
                fields = new ArrayList<>();
                minOffset = 0;
                pad = 0;
            }
            if (t.startsWith("padding: ")) {
                pad = Long.parseLong(t.substring(9).replace(" bytes", ""));
                continue;
            }
            if (t.startsWith("field `.")) {
                int end = t.indexOf("`: ");
                String fname = t.substring(8, end);
                String[] parts = t.substring(end + 3).split(", ");
                long fsize = Long.parseLong(parts[0].replace(" bytes", ""));
                long offset = minOffset + pad;
                for (String part : parts) {
                    if (part.startsWith("offset: ")) offset = Long.parseLong(part.substring(8).replace(" bytes", ""));
                }
                fields.add(new FieldInfo(fname, offset, fsize));
                minOffset = offset + fsize;
                pad = 0;
            }
        }
        return out;
    }
}
