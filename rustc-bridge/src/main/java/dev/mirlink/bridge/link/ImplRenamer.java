package dev.mirlink.bridge.link;

import dev.mirlink.mir.item.AssocItem;
import dev.mirlink.mir.item.Item;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Moves impls, and the members under them, from rustdoc's def paths to the ones MIR prints. */
final class ImplRenamer {
    private ImplRenamer() {}

    static List<Item> apply(List<Item> items, Map<Item.Impl, String> renames) {
        if (renames.isEmpty()) return items;
        Map<String, String> members = new HashMap<>();
        renames.forEach((impl, to) -> {
            for (AssocItem a : impl.items()) {
                String from = memberPath(a);
                if (from != null) members.put(from, to + "::" + a.name());
            }
        });
        List<Item> out = new ArrayList<>(items.size());
        for (Item item : items) out.add(rename(item, renames, members));
        return out;
    }

    private static Item rename(Item item, Map<Item.Impl, String> renames, Map<String, String> members) {
        return switch (item) {
            case Item.Impl i when renames.containsKey(i) -> {
                List<AssocItem> renamed = new ArrayList<>(i.items().size());
                for (AssocItem a : i.items()) renamed.add(member(a, members));
                yield new Item.Impl(renames.get(i), i.span(), i.visibility(), i.origin(), i.generics(),
                        i.traitRef(), i.selfTy(), renamed, i.providedTraitMethods(), i.negative(), i.blanket(),
                        i.isUnsafe());
            }
            case Item.Fn f when members.containsKey(f.defPath()) -> new Item.Fn(members.get(f.defPath()),
                    f.span(), f.visibility(), f.origin(), f.generics(), f.sig(), f.header(), f.paramNames(), f.hasBody(), f.attrs());
            case Item.Const c when members.containsKey(c.defPath()) -> new Item.Const(
                    members.get(c.defPath()), c.span(), c.visibility(), c.origin(), c.ty(), c.expr(), c.value());
            default -> item;
        };
    }

    private static AssocItem member(AssocItem a, Map<String, String> members) {
        return switch (a) {
            case AssocItem.Fn f when members.containsKey(f.defPath()) ->
                    new AssocItem.Fn(f.name(), members.get(f.defPath()), f.hasBody());
            case AssocItem.Const c when members.containsKey(c.defPath()) ->
                    new AssocItem.Const(c.name(), members.get(c.defPath()), c.ty(), c.hasValue());
            default -> a;
        };
    }

    private static String memberPath(AssocItem a) {
        return switch (a) {
            case AssocItem.Fn f -> f.defPath();
            case AssocItem.Const c -> c.defPath();
            default -> null;
        };
    }
}
