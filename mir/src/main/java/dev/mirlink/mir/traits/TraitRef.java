package dev.mirlink.mir.traits;

import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Ty;

import java.util.List;

/** A trait reference {@code <Self as trait<args>>}: {@code trait} is the trait's canonical def path; {@code args} exclude Self. */
public record TraitRef(String trait, Ty self, List<GenericArg> args) {
    public TraitRef { args = List.copyOf(args); }

    @Override
    public String toString() {
        return "<" + self + " as " + trait + (args.isEmpty() ? "" : args.toString()) + ">";
    }
}
