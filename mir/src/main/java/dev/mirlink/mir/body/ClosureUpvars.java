package dev.mirlink.mir.body;

import dev.mirlink.mir.ty.Ty;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * The upvar (capture) types of a closure, read from its own body: the closure is {@code _1}
 * ({@code &C}, {@code &mut C} or {@code C}) and each capture {@code i} is read as
 * {@code (*_1).i: T} or {@code _1.i: T}, whose printed {@code T} is the upvar type
 * (rustc_middle/src/ty/closure.rs: upvars become the closure's fields in capture order).
 */
public final class ClosureUpvars {
    private ClosureUpvars() {}

    /** The closure type that {@code _1} of {@code body} is or points to, or null when it is not a closure body. */
    public static Ty.Closure closureType(Body body) {
        if (body.argCount() < 1 || body.localDecls().size() < 2) return null;
        Ty self = body.localDecls().get(1).ty();
        if (self instanceof Ty.Ref r) self = r.pointee();
        return self instanceof Ty.Closure c ? c : null;
    }

    /**
     * The upvar types in field order, as printed in {@code body} (the parent's generic params
     * unsubstituted), or null when {@code body} is not a closure body or some field below the
     * highest one read is never read (its type is then unknown).
     */
    public static List<Ty> of(Body body) {
        if (closureType(body) == null) return null;
        boolean byRef = body.localDecls().get(1).ty() instanceof Ty.Ref;
        List<Ty> upvars = new ArrayList<>();
        forEachPlace(body, place -> {
            if (place.local().index() != 1) return;
            List<ProjectionElem> proj = place.projection();
            int at = byRef ? 1 : 0;
            if (byRef && (proj.isEmpty() || !(proj.get(0) instanceof ProjectionElem.Deref))) return;
            if (proj.size() <= at || !(proj.get(at) instanceof ProjectionElem.Field f)) return;
            while (upvars.size() <= f.index()) upvars.add(null);
            upvars.set(f.index(), f.ty());
        });
        return upvars.contains(null) ? null : upvars;
    }

    /** Every {@link Place} in {@code body}: statements, terminators and debuginfo, nested places included. */
    public static void forEachPlace(Body body, Consumer<Place> action) {
        for (BasicBlockData block : body.basicBlocks()) walk(block, action);
        for (VarDebugInfo info : body.varDebugInfo()) walk(info, action);
    }

    private static void walk(Object node, Consumer<Place> action) {
        switch (node) {
            case null -> {}
            case Place p -> {
                action.accept(p);
                for (ProjectionElem e : p.projection()) {
                    if (e instanceof ProjectionElem.Index i) action.accept(new Place(i.local()));
                }
            }
            case Ty t -> {}
            case Collection<?> c -> c.forEach(o -> walk(o, action));
            case Record r -> {
                for (RecordComponent rc : r.getClass().getRecordComponents()) {
                    try {
                        walk(rc.getAccessor().invoke(r), action);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            default -> {}
        }
    }
}
