package dev.mirlink.driver.collect;

import dev.mirlink.mir.item.Field;
import dev.mirlink.mir.item.GenericParam;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.item.Variant;
import dev.mirlink.mir.traits.Selection;
import dev.mirlink.mir.traits.Subst;
import dev.mirlink.mir.traits.TraitRef;
import dev.mirlink.mir.traits.TraitSelectionException;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.Ty;
import dev.mirlink.mir.ty.TyConst;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which types need drop glue and what their glue calls (rustc_ty_utils/src/needs_drop.rs and the
 * drop shim of rustc_mir_transform/src/shim.rs): a {@code Drop} impl, then the fields' glue;
 * {@code Box} drops its contents first; {@code ManuallyDrop} and unions drop nothing.
 */
final class DropGlue {
    static final String DROP = "core::ops::drop::Drop", BOX = "alloc::boxed::Box",
            MANUALLY_DROP = "core::mem::manually_drop::ManuallyDrop";

    private final Resolver resolver;
    private final Function<Ty.Closure, List<Ty>> upvars;
    private final Map<Ty, Boolean> needsDrop = new HashMap<>();

    DropGlue(Resolver resolver, Function<Ty.Closure, List<Ty>> upvars) {
        this.resolver = resolver;
        this.upvars = upvars;
    }

    boolean needsDrop(Ty t) {
        Boolean known = needsDrop.get(t);
        if (known != null) return known;
        needsDrop.put(t, false); // a recursive type needs drop only through some other component
        boolean r = switch (t) {
            case Ty.Dynamic d -> true;
            case Ty.Slice s -> needsDrop(s.element());
            case Ty.Array a -> !isZero(a.length()) && needsDrop(a.element());
            case Ty.Tuple tu -> tu.elements().stream().anyMatch(this::needsDrop);
            case Ty.Closure c -> upvars.apply(c).stream().anyMatch(this::needsDrop);
            case Ty.Adt a -> adtNeedsDrop(a);
            case Ty.Param p -> throw new CollectException("needs_drop of a generic param " + p.name());
            default -> false;
        };
        needsDrop.put(t, r);
        return r;
    }

    private boolean adtNeedsDrop(Ty.Adt a) {
        String def = adtPath(a);
        if (def.equals(MANUALLY_DROP)) return false;
        // a type declared in a fn body has no item: only its recovered Drop impl tells
        if (!(resolver.typeItem(def) instanceof Item.Adt adt)) return resolver.fnLocalDrop(a) != null;
        if (adt.kind() == Item.Adt.Kind.UNION) return false;
        if (dropImpl(a) != null) return true;
        for (Ty f : fieldTys(a, adt)) if (needsDrop(f)) return true;
        return false;
    }

    /** The {@code <T as Drop>::drop} instance of an ADT with a Drop impl, else null. */
    MonoItem.Fn dropImpl(Ty.Adt a) {
        try {
            if (resolver.typeItem(adtPath(a)) instanceof Item.Adt adt && adt.kind() == Item.Adt.Kind.UNION) return null;
            Selection s = resolver.selector(Program.crateOf(adtPath(a))).select(new TraitRef(DROP, a, List.of()));
            if (!(s instanceof Selection.Impl)) return null;
        } catch (TraitSelectionException e) {
            if (e.reason().equals("no impl")) return null;
            throw e;
        }
        return switch (resolver.traitMethod(new TraitRef(DROP, a, List.of()), "drop", List.of())) {
            case Resolver.Callee.Instance i -> i.fn();
            default -> null;
        };
    }

    /** What the glue of {@code t} calls directly: Drop::drop, and the glue of each component that needs drop. */
    List<MonoItem.Fn> glueUses(Ty t) {
        List<MonoItem.Fn> out = new ArrayList<>();
        List<Ty> parts = new ArrayList<>();
        switch (t) {
            case Ty.Slice s -> parts.add(s.element());
            case Ty.Array a -> parts.add(a.element());
            case Ty.Tuple tu -> parts.addAll(tu.elements());
            case Ty.Closure c -> parts.addAll(upvars.apply(c));
            case Ty.Adt a when !(resolver.typeItem(adtPath(a)) instanceof Item.Adt) && resolver.fnLocalDrop(a) != null ->
                    out.add(resolver.fnLocalDrop(a));
            case Ty.Adt a when resolver.typeItem(adtPath(a)) instanceof Item.Adt adt -> {
                if (adtPath(a).equals(BOX)) parts.add(typeArg(a, 0));
                MonoItem.Fn drop = dropImpl(a);
                if (drop != null) out.add(drop);
                parts.addAll(fieldTys(a, adt));
            }
            default -> { }
        }
        for (Ty p : parts) if (needsDrop(p)) out.add(glue(p));
        return out;
    }

    static MonoItem.Fn glue(Ty t) {
        return new MonoItem.Fn(MonoItem.InstanceKind.DROP_GLUE, Resolver.DROP_IN_PLACE, List.of(new GenericArg.Type(t)), t);
    }

    /** The field types of every variant, with the ADT's args substituted. */
    List<Ty> fieldTys(Ty.Adt a, Item.Adt adt) {
        Subst s = adtSubst(a, adt);
        String crate = Program.crateOf(adt.defPath());
        List<Ty> out = new ArrayList<>();
        for (Variant v : adt.variants()) {
            for (Field f : v.fields()) out.add(resolver.tyIn(adt.defPath(), s.ty(f.ty())));
        }
        return out;
    }

    private static Subst adtSubst(Ty.Adt a, Item.Adt adt) {
        List<GenericArg> args = ((PathSegment.Ident) a.path().last()).args();
        Map<String, GenericArg> m = new HashMap<>();
        int i = 0;
        for (GenericParam p : adt.generics().params()) {
            if (p instanceof GenericParam.Lifetime) continue;
            if (i < args.size()) m.put(p.name(), args.get(i++));
        }
        return new Subst(m);
    }

    static String adtPath(Ty.Adt a) {
        return ((PathSegment.Ident) a.path().last()).name();
    }

    static Ty typeArg(Ty.Adt a, int i) {
        return ((GenericArg.Type) ((PathSegment.Ident) a.path().last()).args().get(i)).ty();
    }

    private static boolean isZero(TyConst c) {
        return c instanceof TyConst.Value v && v.bits().equals(BigInteger.ZERO);
    }
}
