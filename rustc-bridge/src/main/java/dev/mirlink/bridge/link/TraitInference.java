package dev.mirlink.bridge.link;

import dev.mirlink.mir.item.AssocItem;
import dev.mirlink.mir.item.DefPaths;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.item.ItemTable;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.Ty;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The trait of an impl recovered from MIR, which prints only its span: the one trait, among
 * all tables, that declares every member the impl defines, whose required fns the impl
 * defines, and whose signatures fit with {@code Self} as the impl's self type. An impl no trait
 * fits stays inherent; one several traits fit keeps no trait (reported by {@link #ambiguous}).
 */
final class TraitInference {
    private final MirNames names;
    private final TypeMatcher matcher;
    private final Map<String, List<Item.Trait>> byMember = new HashMap<>();
    private final List<String> ambiguous = new ArrayList<>();

    TraitInference(MirNames names, Iterable<ItemTable> tables) {
        this.names = names;
        this.matcher = new TypeMatcher(names);
        for (ItemTable t : tables) {
            for (Item item : t.items()) {
                if (!(item instanceof Item.Trait trait)) continue;
                for (AssocItem a : trait.items()) byMember.computeIfAbsent(a.name(), k -> new ArrayList<>()).add(trait);
            }
        }
    }

    List<String> ambiguous() {
        return ambiguous;
    }

    /** {@code impl} with its trait filled in when exactly one trait fits. */
    Item.Impl infer(Item.Impl impl, Map<String, Item> members) {
        if (impl.items().isEmpty() || impl.selfTy() instanceof Ty.Other) return impl;
        Set<String> defined = new HashSet<>();
        for (AssocItem a : impl.items()) defined.add(a.name());
        List<Item.Trait> fits = new ArrayList<>();
        for (Item.Trait trait : byMember.getOrDefault(impl.items().get(0).name(), List.of())) {
            if (fits.contains(trait) || !declaresAll(trait, defined) || !definesRequired(trait, defined)) continue;
            if (signaturesFit(trait, impl, members)) fits.add(trait);
        }
        if (fits.size() != 1) {
            if (fits.size() > 1) ambiguous.add(impl.defPath());
            return impl;
        }
        List<PathSegment> segs = new ArrayList<>();
        for (String s : DefPaths.split(fits.get(0).defPath())) segs.add(new PathSegment.Ident(s, List.of()));
        return new Item.Impl(impl.defPath(), impl.span(), impl.visibility(), impl.origin(), impl.generics(),
                new Path(segs), impl.selfTy(), impl.items(), impl.providedTraitMethods(), impl.negative(),
                impl.blanket(), impl.isUnsafe());
    }

    private static boolean declaresAll(Item.Trait trait, Set<String> defined) {
        Set<String> declared = new HashSet<>();
        for (AssocItem a : trait.items()) declared.add(a.name());
        return declared.containsAll(defined);
    }

    private static boolean definesRequired(Item.Trait trait, Set<String> defined) {
        for (AssocItem a : trait.items()) {
            boolean required = a instanceof AssocItem.Fn f && !f.hasBody() || a instanceof AssocItem.Const c && !c.hasValue();
            if (required && !defined.contains(a.name())) return false;
        }
        return true;
    }

    private boolean signaturesFit(Item.Trait trait, Item.Impl impl, Map<String, Item> members) {
        for (AssocItem a : impl.items()) {
            if (!(a instanceof AssocItem.Fn f) || !(members.get(f.defPath()) instanceof Item.Fn mine)) continue;
            AssocItem declared = trait.items().stream().filter(t -> t.name().equals(a.name())).findFirst().orElse(null);
            if (!(declared instanceof AssocItem.Fn df) || !(names.valueFirst(df.defPath()) instanceof Item.Fn theirs)) continue;
            if (theirs.sig().inputs().size() != mine.sig().inputs().size()) return false;
            for (int i = 0; i < mine.sig().inputs().size(); i++) {
                if (matcher.instance(theirs.sig().inputs().get(i), mine.sig().inputs().get(i), impl.selfTy()) < 0) return false;
            }
            if (matcher.instance(theirs.sig().output(), mine.sig().output(), impl.selfTy()) < 0) return false;
        }
        return true;
    }
}
