package dev.mirlink.driver.collect;

import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.layout.ItemTablesTypeEnv;
import dev.mirlink.mir.layout.TypeEnv;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.Ty;

import java.util.List;
import java.util.function.Function;

/**
 * The {@link TypeEnv} of a collected program: projections are normalized by the resolver's trait
 * selection (blanket impls with their bounds, closure signatures), as rustc's {@code layout_of}
 * normalizes field types in a fully monomorphic param env; the item tables' impl matching is the
 * fallback for what selection cannot read.
 */
public final class SelectingTypeEnv implements TypeEnv {
    private final Program program;
    private final Resolver resolver;
    private final ItemTablesTypeEnv items;
    private final Function<Ty.Closure, List<Ty>> upvars;

    public SelectingTypeEnv(Program program, Resolver resolver, Function<Ty.Closure, List<Ty>> upvars) {
        this.program = program;
        this.resolver = resolver;
        this.items = new ItemTablesTypeEnv(program.tables());
        this.upvars = upvars;
    }

    @Override
    public Item.Adt adt(String defPath) {
        return resolver.typeItem(defPath) instanceof Item.Adt a ? a : items.adt(defPath);
    }

    @Override
    public Item.TypeAlias alias(String defPath) {
        return items.alias(defPath);
    }

    @Override
    public Ty normalize(Ty.Projection p) {
        try {
            Ty t = resolver.ty(program.localCrate(), p);
            if (!(t instanceof Ty.Projection)) return t;
        } catch (RuntimeException e) {
            // selection could not read it: the item tables may still
        }
        return items.normalize(p);
    }

    @Override
    public List<Ty> closureUpvars(Path closure) {
        try {
            return upvars.apply(new Ty.Closure(closure));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
