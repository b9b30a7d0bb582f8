package dev.mirlink.mir.item;

import java.util.List;

/**
 * The attributes of fns and statics that decide what the link step generates, kept as short
 * strings in {@link Item.Fn#attrs()} and {@link Item.Static#attrs()}: {@link #INTRINSIC},
 * {@link #TRACK_CALLER}, {@link #INLINE}, {@link #NO_MANGLE}, {@link #USED},
 * {@link #STD_INTERNAL_SYMBOL}, {@code lang=Name}, {@code export_name=symbol}, and for foreign items
 * {@code link_name=symbol} and {@code linkage=Linkage} (rustc's {@code Linkage} variant, as {@code ExternalWeak}).
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

    /** The symbol of a foreign fn or static named {@code name}: its {@code #[link_name]}, else its name. */
    public static String foreignSymbol(List<String> attrs, String name) {
        String link = valueOf(attrs, "link_name=");
        return link != null ? link : name;
    }

    public static String linkage(List<String> attrs) {
        return valueOf(attrs, "linkage=");
    }

    private static String valueOf(List<String> attrs, String prefix) {
        for (String a : attrs) if (a.startsWith(prefix)) return a.substring(prefix.length());
        return null;
    }
}
