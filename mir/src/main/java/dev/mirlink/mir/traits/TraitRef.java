package dev.mirlink.mir.traits;

import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Ty;

import java.util.List;

/** A trait reference {@code <Self as trait<args>>}: {@code trait} is the trait's canonical def path; {@code args} exclude Self. */
public record TraitRef(String trait, Ty self, List<GenericArg> args) {
    public TraitRef { args = List.copyOf(args); }

    /** Rust syntax, {@code <Vec<u8> as core::iter::traits::collect::Extend<&u8>>}, for messages. */
    @Override
    public String toString() {
        dev.mirlink.mir.print.MirPrinter p = new dev.mirlink.mir.print.MirPrinter();
        StringBuilder sb = new StringBuilder("<").append(p.print(self)).append(" as ").append(trait);
        if (!args.isEmpty()) {
            sb.append('<');
            for (int i = 0; i < args.size(); i++) {
                if (i > 0) sb.append(", ");
                sb.append(args.get(i) instanceof GenericArg.Type t ? p.print(t.ty()) : args.get(i).toString());
            }
            sb.append('>');
        }
        return sb.append('>').toString();
    }
}
