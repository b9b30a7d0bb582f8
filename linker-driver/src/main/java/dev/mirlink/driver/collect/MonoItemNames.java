package dev.mirlink.driver.collect;

import dev.mirlink.mir.ty.Ty;

/** How mono items and types are named in output and reports. */
public interface MonoItemNames {
    String name(MonoItem item);

    String ty(Ty ty);

    /** Def paths as stored in the rlibs, args in canonical form: unambiguous, not rustc's spelling. */
    MonoItemNames CANONICAL = new MonoItemNames() {
        @Override
        public String name(MonoItem item) {
            return MonoItemPrinter.CANONICAL.print(item);
        }

        @Override
        public String ty(Ty ty) {
            return MonoItemPrinter.CANONICAL.ty(ty);
        }
    };
}
