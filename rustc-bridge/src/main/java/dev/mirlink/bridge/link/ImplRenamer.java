package dev.mirlink.bridge.link;

import dev.mirlink.mir.item.AssocItem;
import dev.mirlink.mir.item.DefPaths;
import dev.mirlink.mir.item.Item;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Moves impls, and the members under them, from rustdoc's def paths to the ones MIR prints. */
final class ImplRenamer {
    private ImplRenamer() {}

    static List<Item> apply(List<Item> items, Map<String, String> renames) {
        if (renames.isEmpty()) return items;
        List<Item> out = new ArrayList<>(items.size());
        for (Item item : items) out.add(rename(item, renames));
        return out;
    }

    private static Item rename(Item item, Map<String, String> renames) {
        return switch (item) {
            case Item.Impl i when renames.containsKey(i.defPath()) -> {
                List<AssocItem> members = new ArrayList<>(i.items().size());
                for (AssocItem a : i.items()) members.add(member(a, renames));
                yield new Item.Impl(renames.get(i.defPath()), i.span(), i.visibility(), i.origin(), i.generics(),
                        i.traitRef(), i.selfTy(), members, i.providedTraitMethods(), i.negative(), i.blanket(),
                        i.isUnsafe());
            }
            case Item.Fn f when renamed(f.defPath(), renames) != null -> new Item.Fn(renamed(f.defPath(), renames),
                    f.span(), f.visibility(), f.origin(), f.generics(), f.sig(), f.header(), f.paramNames(), f.hasBody(), f.attrs());
            case Item.Const c when renamed(c.defPath(), renames) != null -> new Item.Const(
                    renamed(c.defPath(), renames), c.span(), c.visibility(), c.origin(), c.ty(), c.expr(), c.value());
            default -> item;
        };
    }

    private static AssocItem member(AssocItem a, Map<String, String> renames) {
        return switch (a) {
            case AssocItem.Fn f when renamed(f.defPath(), renames) != null ->
                    new AssocItem.Fn(f.name(), renamed(f.defPath(), renames), f.hasBody());
            case AssocItem.Const c when renamed(c.defPath(), renames) != null ->
                    new AssocItem.Const(c.name(), renamed(c.defPath(), renames), c.ty(), c.hasValue());
            default -> a;
        };
    }

    /** The new path of an impl member, or null if its impl keeps its path. */
    private static String renamed(String memberPath, Map<String, String> renames) {
        if (memberPath == null) return null;
        String parent = DefPaths.parent(memberPath);
        String to = parent == null ? null : renames.get(parent);
        return to == null ? null : to + "::" + DefPaths.last(memberPath);
    }
}
