package dev.mirlink.bridge.link;

import dev.mirlink.mir.item.GenericParam;
import dev.mirlink.mir.item.Generics;
import dev.mirlink.mir.ty.FnSig;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.Ty;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The type params of a fn declared in a body, in declaration order. MIR prints such a fn's
 * signature but not its generics; a fn item type that names it elsewhere does show the order:
 * {@code fn(&(B, Item), &(B, Item)) {compare::<Item, B>}} against {@code compare(_1: &(B, T), _2: &(B, T))}
 * binds {@code T} to {@code Item} and {@code B} to {@code B}, so the params are {@code <T, B>}.
 */
final class LocalFnGenerics {
    private LocalFnGenerics() {}

    /**
     * The generics of a fn MIR declares with signature {@code declared}, given a fn item type naming
     * it with signature {@code sig} and args {@code args} (both qualified as {@code declared} is);
     * null when the binding does not decide every param's position.
     */
    static Generics fromUse(FnSig declared, FnSig sig, List<GenericArg> useArgs) {
        List<Ty> args = new ArrayList<>();
        for (GenericArg a : useArgs) {
            if (a instanceof GenericArg.Type t) args.add(t.ty());
            else if (a instanceof GenericArg.Const) return null;
        }
        if (args.isEmpty() || sig.inputs().size() != declared.inputs().size()) return null;
        Map<String, Ty> binding = new HashMap<>();
        for (int i = 0; i < sig.inputs().size(); i++) {
            if (!bind(declared.inputs().get(i), sig.inputs().get(i), binding)) return null;
        }
        if (!bind(declared.output(), sig.output(), binding) || binding.size() != args.size()) return null;
        List<GenericParam> params = new ArrayList<>();
        for (Ty arg : args) {
            List<String> at = binding.entrySet().stream().filter(e -> e.getValue().equals(arg)).map(Map.Entry::getKey).toList();
            if (at.size() != 1) return null;
            params.add(new GenericParam.Type(at.get(0), List.of(), null, false));
        }
        return new Generics(params, List.of());
    }

    /** Binds the params of {@code pattern} to the parts of {@code ty} in the same place; false on a conflict. */
    private static boolean bind(Ty pattern, Ty ty, Map<String, Ty> binding) {
        return switch (pattern) {
            case Ty.Param p when !p.name().startsWith("impl ") -> {
                Ty old = binding.putIfAbsent(p.name(), ty);
                yield old == null || old.equals(ty);
            }
            case Ty.Ref r -> !(ty instanceof Ty.Ref t) || bind(r.pointee(), t.pointee(), binding);
            case Ty.RawPtr r -> !(ty instanceof Ty.RawPtr t) || bind(r.pointee(), t.pointee(), binding);
            case Ty.Slice s -> !(ty instanceof Ty.Slice t) || bind(s.element(), t.element(), binding);
            case Ty.Array a -> !(ty instanceof Ty.Array t) || bind(a.element(), t.element(), binding);
            case Ty.Tuple tu -> !(ty instanceof Ty.Tuple t) || t.elements().size() != tu.elements().size()
                    || bindAll(tu.elements(), t.elements(), binding);
            case Ty.Adt a -> !(ty instanceof Ty.Adt t) || bindAll(typeArgs(a), typeArgs(t), binding);
            default -> true;
        };
    }

    private static boolean bindAll(List<Ty> patterns, List<Ty> tys, Map<String, Ty> binding) {
        if (patterns.size() != tys.size()) return true;
        for (int i = 0; i < patterns.size(); i++) if (!bind(patterns.get(i), tys.get(i), binding)) return false;
        return true;
    }

    private static List<Ty> typeArgs(Ty.Adt a) {
        List<Ty> out = new ArrayList<>();
        if (a.path().last() instanceof PathSegment.Ident id) {
            for (GenericArg g : id.args()) if (g instanceof GenericArg.Type t) out.add(t.ty());
        }
        return out;
    }
}
