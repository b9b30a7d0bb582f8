package dev.mirlink.mir.layout;

import dev.mirlink.mir.traits.Subst;
import dev.mirlink.mir.item.AssocItem;
import dev.mirlink.mir.item.DefPaths;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.item.ItemTable;
import dev.mirlink.mir.item.ItemTables;
import dev.mirlink.mir.item.Resolution;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.Ty;
import dev.mirlink.mir.ty.TyConst;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link TypeEnv} over the item tables of a crate graph. Projections are normalized through
 * non-blanket impls whose self type and trait args match the projection's (where-clauses are not
 * checked; two different answers give up): an interim until stage 2's trait selection replaces it.
 */
public final class ItemTablesTypeEnv implements TypeEnv {
    private final ItemTables tables;

    public ItemTablesTypeEnv(ItemTables tables) {
        this.tables = tables;
    }

    private Item resolve(String defPath) {
        // items declared in closures and inline consts ({constant#0}::Idx) are found by their def path only
        ItemTable table = tables.get(DefPaths.split(defPath).get(0));
        Item exact = table == null ? null : table.typeItem(defPath);
        if (exact instanceof Item.Adt || exact instanceof Item.TypeAlias) return exact;
        return tables.resolve(defPath) instanceof Resolution.Local l && l.member() == null ? l.item() : null;
    }

    @Override
    public Item.Adt adt(String defPath) {
        return resolve(defPath) instanceof Item.Adt a ? a : null;
    }

    @Override
    public Item.TypeAlias alias(String defPath) {
        return resolve(defPath) instanceof Item.TypeAlias a ? a : null;
    }

    @Override
    public Ty normalize(Ty.Projection p) {
        // A generic associated type's own lifetime args do not change its layout.
        if (p.trait() == null || !p.args().stream().allMatch(a -> a instanceof GenericArg.Lifetime)) return null;
        String trait = canonical(p.trait());
        List<GenericArg> traitArgs = p.trait().last() instanceof PathSegment.Ident id ? id.args() : List.of();
        Ty found = null;
        for (ItemTable table : tables.all()) {
            for (Item.Impl impl : table.implsDefining(p.name())) {
                // Blanket impls need their bounds checked: left to trait selection.
                if (impl.traitRef() == null || impl.negative() || impl.blanket()) continue;
                if (!trait.equals(canonical(impl.traitRef()))) continue;
                if (!(impl.item(p.name()) instanceof AssocItem.Type t) || t.ty() == null) continue;
                Map<String, GenericArg> binding = new HashMap<>();
                if (!unify(impl.selfTy(), p.self(), binding)) continue;
                List<GenericArg> implTraitArgs = impl.traitRef().last() instanceof PathSegment.Ident id ? id.args() : List.of();
                if (!unifyArgs(implTraitArgs, traitArgs, binding)) continue;
                Ty result = new Subst(binding).ty(t.ty());
                // An impl param the header does not fix (`type Item = B` under `F: FnMut(..) -> B`) needs its where-clauses.
                if (mentionsParam(result)) return null;
                // Two matching impls means the choice depends on where-clauses: don't guess.
                if (found != null && !found.equals(result)) return null;
                found = result;
            }
        }
        return found;
    }

    /** Whether a type still names a param: in a concrete projection's answer, one only a where-clause binds. */
    private static boolean mentionsParam(Ty ty) {
        return switch (ty) {
            case Ty.Param p -> true;
            case Ty.Adt a -> mentionsParam(a.path());
            case Ty.Closure c -> mentionsParam(c.path());
            case Ty.Projection p -> mentionsParam(p.self()) || (p.trait() != null && mentionsParam(p.trait()));
            case Ty.Ref r -> mentionsParam(r.pointee());
            case Ty.RawPtr p -> mentionsParam(p.pointee());
            case Ty.Slice sl -> mentionsParam(sl.element());
            case Ty.Array a -> mentionsParam(a.element()) || a.length() instanceof TyConst.Param;
            case Ty.Tuple t -> t.elements().stream().anyMatch(ItemTablesTypeEnv::mentionsParam);
            default -> false;
        };
    }

    private static boolean mentionsParam(Path path) {
        for (PathSegment s : path.segments()) {
            if (!(s instanceof PathSegment.Ident id)) continue;
            for (GenericArg g : id.args()) {
                if (g instanceof GenericArg.Type t && mentionsParam(t.ty())) return true;
                if (g instanceof GenericArg.Const c && c.value() instanceof TyConst.Param) return true;
            }
        }
        return false;
    }

    /** Matches an impl's type pattern (its params are variables) against a concrete type. */
    private boolean unify(Ty pattern, Ty concrete, Map<String, GenericArg> binding) {
        if (pattern instanceof Ty.Param param) {
            GenericArg bound = binding.get(param.name());
            if (bound == null) {
                binding.put(param.name(), new GenericArg.Type(concrete));
                return true;
            }
            return bound instanceof GenericArg.Type bt && bt.ty().equals(concrete);
        }
        return switch (pattern) {
            case Ty.Adt a when concrete instanceof Ty.Adt b -> canonical(a.path()).equals(canonical(b.path()))
                    && unifyArgs(argsOf(a.path()), argsOf(b.path()), binding);
            case Ty.Ref a when concrete instanceof Ty.Ref b -> a.mutability() == b.mutability()
                    && unify(a.pointee(), b.pointee(), binding);
            case Ty.RawPtr a when concrete instanceof Ty.RawPtr b -> a.mutability() == b.mutability()
                    && unify(a.pointee(), b.pointee(), binding);
            case Ty.Slice a when concrete instanceof Ty.Slice b -> unify(a.element(), b.element(), binding);
            case Ty.Array a when concrete instanceof Ty.Array b -> unify(a.element(), b.element(), binding)
                    && unifyConst(a.length(), b.length(), binding);
            case Ty.Tuple a when concrete instanceof Ty.Tuple b -> {
                if (a.elements().size() != b.elements().size()) yield false;
                for (int i = 0; i < a.elements().size(); i++) {
                    if (!unify(a.elements().get(i), b.elements().get(i), binding)) yield false;
                }
                yield true;
            }
            default -> pattern.equals(concrete);
        };
    }

    private boolean unifyArgs(List<GenericArg> pattern, List<GenericArg> concrete, Map<String, GenericArg> binding) {
        List<GenericArg> p = withoutLifetimes(pattern), c = withoutLifetimes(concrete);
        // A missing trailing arg (a defaulted param such as the allocator) matches anything.
        for (int i = 0; i < Math.min(p.size(), c.size()); i++) {
            GenericArg pa = p.get(i), ca = c.get(i);
            if (pa instanceof GenericArg.Type pt && ca instanceof GenericArg.Type ct) {
                if (!unify(pt.ty(), ct.ty(), binding)) return false;
            } else if (pa instanceof GenericArg.Const pc && ca instanceof GenericArg.Const cc) {
                if (!unifyConst(pc.value(), cc.value(), binding)) return false;
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean unifyConst(TyConst pattern, TyConst concrete, Map<String, GenericArg> binding) {
        if (pattern instanceof TyConst.Param p) {
            GenericArg bound = binding.putIfAbsent(p.name(), new GenericArg.Const(concrete));
            return bound == null || bound.equals(new GenericArg.Const(concrete));
        }
        if (pattern instanceof TyConst.Value a && concrete instanceof TyConst.Value b) return a.bits().equals(b.bits());
        return false;
    }

    private static List<GenericArg> withoutLifetimes(List<GenericArg> args) {
        List<GenericArg> out = new ArrayList<>();
        for (GenericArg a : args) if (!(a instanceof GenericArg.Lifetime)) out.add(a);
        return out;
    }

    private static List<GenericArg> argsOf(Path path) {
        return path.last() instanceof PathSegment.Ident id ? id.args() : List.of();
    }

    private String canonical(Path path) {
        StringBuilder sb = new StringBuilder();
        for (PathSegment s : path.segments()) {
            if (!(s instanceof PathSegment.Ident id)) return path.toString();
            if (!sb.isEmpty()) sb.append("::");
            sb.append(id.name());
        }
        String dp = sb.toString();
        Item item = resolve(dp);
        return item != null ? item.defPath() : dp;
    }
}
