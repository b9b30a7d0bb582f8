package dev.mirlink.driver.collect;

import dev.mirlink.mir.print.MirPrinter;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.Ty;

import java.util.List;

/**
 * Prints mono items. {@link #CANONICAL} spells def paths as stored, for errors, reports and symbols.
 * Thread-safe (the codegen threads print too): each thread has its own {@link MirPrinter}, whose buffer is shared.
 */
public final class MonoItemPrinter {
    public static final MonoItemPrinter CANONICAL = new MonoItemPrinter();

    private final ThreadLocal<MirPrinter> printer = ThreadLocal.withInitial(MirPrinter::new);

    public String print(MonoItem item) {
        return switch (item) {
            case MonoItem.Static s -> "static " + s.defPath();
            case MonoItem.Fn f -> "fn " + f.defPath() + args(f.args()) + switch (f.kind()) {
                case ITEM -> "";
                case DROP_GLUE -> " - shim(" + (f.shimTy() == null ? "None" : "Some(" + ty(f.shimTy()) + ")") + ")";
                case VTABLE_SHIM -> " - shim(vtable)";
                case REIFY_SHIM -> " - shim(reify)";
                case CLOSURE_ONCE_SHIM -> " - shim";
                case FN_PTR_SHIM, CLONE_SHIM, FN_PTR_ADDR_SHIM -> " - shim(" + ty(f.shimTy()) + ")";
            };
        };
    }

    public String ty(Ty t) {
        return printer.get().print(t);
    }

    public String path(Path p) {
        return printer.get().print(p, true);
    }

    private String args(List<GenericArg> args) {
        if (args.isEmpty()) return "";
        StringBuilder sb = new StringBuilder("::<");
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append(switch (args.get(i)) {
                case GenericArg.Type t -> ty(t.ty());
                case GenericArg.Const c -> c.value().toString();
                case GenericArg.Lifetime l -> "'_";
            });
        }
        return sb.append('>').toString();
    }
}
