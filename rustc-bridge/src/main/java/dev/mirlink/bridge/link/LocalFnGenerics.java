package dev.mirlink.bridge.link;

import dev.mirlink.mir.item.GenericParam;
import dev.mirlink.mir.item.Generics;
import dev.mirlink.mir.ty.FnSig;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.Ty;
import dev.mirlink.mir.ty.TyConst;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The type params of a fn declared in a body, in declaration order. MIR prints such a fn's
 * signature but not its generics; a fn item type that names it elsewhere does show the order:
 * {@code fn(&(B, Item), &(B, Item)) {compare::<Item, B>}} against {@code compare(_1: &(B, T), _2: &(B, T))}
 * binds {@code T} to {@code Item} and {@code B} to {@code B}, so the params are {@code <T, B>}.
 * A const param is found where it is an array's length, which makes its type {@code usize}. A use
 * that shows no signature (a call {@code fold::<N>(…)}) decides the order only with at most one
 * param of each kind.
 */
final class LocalFnGenerics {
    private LocalFnGenerics() {}

    /**
     * The generics of a fn MIR declares with signature {@code declared}, given a use of it with args
     * {@code args} and, for a fn item type, its signature {@code sig} (else null; both qualified as
     * {@code declared} is); null when the use does not decide every param's position.
     */
    static Generics fromUse(FnSig declared, FnSig sig, List<GenericArg> useArgs) {
        List<GenericArg> args = useArgs.stream().filter(a -> !(a instanceof GenericArg.Lifetime)).toList();
        FnSig shown = sig != null ? sig : declared;
        if (args.isEmpty() || shown.inputs().size() != declared.inputs().size()) return null;
        Map<String, Object> binding = new HashMap<>();
        for (int i = 0; i < shown.inputs().size(); i++) {
            if (!bind(declared.inputs().get(i), shown.inputs().get(i), binding)) return null;
        }
        if (!bind(declared.output(), shown.output(), binding) || binding.size() != args.size()) return null;
        List<GenericParam> params = new ArrayList<>();
        for (GenericArg arg : args) {
            List<String> at = binding.entrySet().stream().filter(e -> matches(e.getValue(), arg, sig != null))
                    .map(Map.Entry::getKey).toList();
            if (at.size() != 1) return null;
            params.add(binding.get(at.get(0)) instanceof Ty ? new GenericParam.Type(at.get(0), List.of(), null, false)
                    : new GenericParam.Const(at.get(0), new Ty.Int(Ty.IntTy.USIZE), null));
        }
        return new Generics(params, List.of());
    }

    /**
     * Whether a param bound to {@code bound} (a type, or an array length) can take {@code arg}: the
     * same value when the use shows a signature, else the same kind. MIR prints a const param
     * passed on ({@code fold::<N>}) like a type param.
     */
    private static boolean matches(Object bound, GenericArg arg, boolean sameValue) {
        if (arg instanceof GenericArg.Type(Ty.Param p)) {
            return sameValue ? bound.equals(p) || bound.equals(new TyConst.Param(p.name())) : true;
        }
        if (arg instanceof GenericArg.Type(Ty t)) return sameValue ? bound.equals(t) : bound instanceof Ty;
        TyConst value = ((GenericArg.Const) arg).value();
        return sameValue ? bound.equals(value) : bound instanceof TyConst;
    }

    /**
     * Binds the params of {@code pattern} to the parts of {@code ty} in the same place (types, and
     * array lengths' {@code TyConst}s); false on a conflict.
     */
    private static boolean bind(Ty pattern, Ty ty, Map<String, Object> binding) {
        return switch (pattern) {
            case Ty.Param p when !p.name().startsWith("impl ") -> bindName(p.name(), ty, binding);
            case Ty.Ref r -> !(ty instanceof Ty.Ref t) || bind(r.pointee(), t.pointee(), binding);
            case Ty.RawPtr r -> !(ty instanceof Ty.RawPtr t) || bind(r.pointee(), t.pointee(), binding);
            case Ty.Slice s -> !(ty instanceof Ty.Slice t) || bind(s.element(), t.element(), binding);
            case Ty.Array a -> !(ty instanceof Ty.Array t) || bind(a.element(), t.element(), binding)
                    && (!(a.length() instanceof TyConst.Param p) || bindName(p.name(), t.length(), binding));
            case Ty.Tuple tu -> !(ty instanceof Ty.Tuple t) || t.elements().size() != tu.elements().size()
                    || bindAll(tu.elements(), t.elements(), binding);
            case Ty.Adt a -> !(ty instanceof Ty.Adt t) || bindAll(typeArgs(a), typeArgs(t), binding);
            default -> true;
        };
    }

    private static boolean bindName(String name, Object value, Map<String, Object> binding) {
        Object old = binding.putIfAbsent(name, value);
        return old == null || old.equals(value);
    }

    private static boolean bindAll(List<Ty> patterns, List<Ty> tys, Map<String, Object> binding) {
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
