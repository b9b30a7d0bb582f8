package dev.mirlink.driver.consteval;

import dev.mirlink.driver.collect.Program;
import dev.mirlink.driver.collect.Resolver;
import dev.mirlink.mir.body.ClosureUpvars;
import dev.mirlink.mir.body.MirEntry;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.layout.TypeEnv;
import dev.mirlink.mir.traits.Subst;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.Ty;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link TypeEnv} that knows canonical closure types ({@code {closure@def::{closure#N}}} with the
 * parent's args, as {@link Resolver#ty} makes them): their upvar types come from the closure's MIR
 * ({@link ClosureUpvars}), args substituted. Used for the layouts the caller's {@code LayoutCx}
 * cannot give because it does not know closures.
 */
final class ClosureTypeEnv implements TypeEnv {
    private final TypeEnv base;
    private final Program program;
    private final Resolver resolver;

    ClosureTypeEnv(TypeEnv base, Program program, Resolver resolver) {
        this.base = base;
        this.program = program;
        this.resolver = resolver;
    }

    @Override
    public Item.Adt adt(String defPath) {
        return base.adt(defPath);
    }

    @Override
    public Item.TypeAlias alias(String defPath) {
        return base.alias(defPath);
    }

    @Override
    public Ty normalize(Ty.Projection projection) {
        return base.normalize(projection);
    }

    @Override
    public List<Ty> closureUpvars(Path closure) {
        if (closure.segments().size() != 1 || !(closure.last() instanceof PathSegment.Ident id) || !id.name().contains("{closure#")) {
            return base.closureUpvars(closure);
        }
        MirEntry.BodyEntry b = program.body(id.name());
        List<Ty> ups = b == null ? null : ClosureUpvars.of(b.body());
        if (ups == null) return null;
        Subst s = resolver.substFor(id.name(), id.args());
        String crate = Program.crateOf(id.name());
        List<Ty> out = new ArrayList<>();
        for (Ty t : ups) out.add(resolver.ty(crate, s.ty(t)));
        return out;
    }
}
