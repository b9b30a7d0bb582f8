package dev.mirlink.mir.item;

import java.util.List;

/**
 * The attributes of fns and statics that decide what the link step generates, kept as short
 * strings in {@link Item.Fn#attrs()} and {@link Item.Static#attrs()}: {@link #INTRINSIC},
 * {@link #TRACK_CALLER}, {@link #INLINE}, {@link #NO_MANGLE}, {@link #USED},
 * {@link #STD_INTERNAL_SYMBOL}, {@code lang=Name} and {@code export_name=symbol}.
 */
public final class CodegenAttrs {
    public static final String INTRINSIC = "intrinsic", TRACK_CALLER = "track_caller", INLINE = "inline",
            NO_MANGLE = "no_mangle", USED = "used", STD_INTERNAL_SYMBOL = "std_internal_symbol";

    private CodegenAttrs() {}

    /** The lang item name ({@code DropInPlace}, {@code Start}, …) or null. */
    public static String lang(List<String> attrs) {
        return valueOf(attrs, "lang=");
    }

    public static String exportName(List<String> attrs) {
        return valueOf(attrs, "export_name=");
    }

    private static String valueOf(List<String> attrs, String prefix) {
        for (String a : attrs) if (a.startsWith(prefix)) return a.substring(prefix.length());
        return null;
    }
}
