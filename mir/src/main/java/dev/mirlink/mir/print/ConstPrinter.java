package dev.mirlink.mir.print;

import dev.mirlink.mir.body.ConstOperand;
import dev.mirlink.mir.body.ConstValue;

import java.util.List;

/** MIR constants as {@code Const}'s Display prints them (rustc_middle/src/mir/pretty.rs). */
final class ConstPrinter {
    private final StringBuilder sb;
    private final TyPrinter t;

    ConstPrinter(StringBuilder sb, TyPrinter t) {
        this.sb = sb;
        this.t = t;
    }

    /** A constant operand: {@code const V}, or a bare path for a fn item. */
    void operand(ConstOperand c) {
        if (c.value() instanceof ConstValue.FnItem f) {
            t.path(f.path(), true);
        } else {
            sb.append("const ");
            value(c.value());
        }
    }

    void value(ConstValue v) {
        switch (v) {
            case ConstValue.Int i -> t.intValue(i.value(), i.ty(), true);
            case ConstValue.Bool b -> sb.append(b.value() ? "true" : "false");
            case ConstValue.Char c -> Literals.charLiteral(sb, c.codePoint());
            case ConstValue.Float f -> {
                sb.append(f.text());
                char last = f.text().charAt(f.text().length() - 1);
                if (last == 'N' || last == 'f') sb.append('_');
                sb.append(f.ty().rustName());
            }
            case ConstValue.Str s -> Literals.stringLiteral(sb, s.value());
            case ConstValue.ByteStr b -> {
                if (b.deref()) sb.append('*');
                Literals.byteString(sb, b.bytes());
            }
            case ConstValue.Tuple tu -> {
                sb.append('(');
                values(tu.fields());
                if (tu.fields().size() == 1) sb.append(',');
                sb.append(')');
            }
            case ConstValue.Array a -> {
                sb.append('[');
                values(a.elements());
                sb.append(']');
            }
            case ConstValue.Adt a -> {
                t.path(a.path(), true);
                if (a.fieldNames() == null) {
                    sb.append('(');
                    values(a.fields());
                    sb.append(')');
                } else {
                    sb.append(" {{ ");
                    for (int i = 0; i < a.fields().size(); i++) {
                        if (i > 0) sb.append(", ");
                        sb.append(a.fieldNames().get(i)).append(": ");
                        value(a.fields().get(i));
                    }
                    sb.append(" }}");
                }
            }
            case ConstValue.ValuePath p -> t.path(p.path(), true);
            case ConstValue.Param p -> sb.append(p.name());
            case ConstValue.FnItem f -> t.path(f.path(), true);
            case ConstValue.Promoted p -> {
                t.path(p.owner(), true);
                sb.append("::promoted[").append(p.index()).append(']');
            }
            case ConstValue.Pointer p -> {
                sb.append('{').append(p.alloc());
                if (p.offset() != 0) sb.append("+0x").append(Long.toHexString(p.offset()));
                if (p.immutable()) sb.append("<imm>");
                sb.append(": ");
                t.ty(p.ty());
                sb.append('}');
            }
            case ConstValue.IntPointer p -> {
                sb.append("{0x").append(p.address().toString(16)).append(" as ");
                t.ty(p.ty());
                sb.append('}');
            }
            case ConstValue.FnPointer p -> {
                sb.append('{');
                t.path(p.fn(), true);
                sb.append(" as ");
                t.ty(p.ty());
                sb.append('}');
            }
            case ConstValue.Transmute tr -> {
                sb.append("{transmute(");
                if (tr.size() == 0) {
                    sb.append("()");
                } else {
                    String hex = tr.bits().toString(16);
                    sb.append("0x");
                    for (int i = hex.length(); i < tr.size() * 2; i++) sb.append('0');
                    sb.append(hex);
                }
                sb.append("): ");
                t.ty(tr.ty());
                sb.append('}');
            }
            case ConstValue.PatValue p -> {
                value(p.base());
                sb.append(" is ").append(p.pattern());
            }
            case ConstValue.Unreachable u -> {
                sb.append("{unreachable(): ");
                t.ty(u.ty());
                sb.append('}');
            }
            case ConstValue.UnprintedBytes u -> sb.append('<').append(u.marker()).append('>');
            case ConstValue.Uninit u -> sb.append("<uninit>");
            case ConstValue.ZeroSized z -> {
                sb.append("ZeroSized: ");
                t.ty(z.ty());
            }
            case ConstValue.Indirect i -> {
                sb.append("Indirect { alloc_id: ").append(i.alloc()).append(", offset: Size(").append(i.offset())
                        .append(" bytes) }: ");
                t.ty(i.ty());
            }
            case ConstValue.Slice s -> {
                sb.append("Slice { alloc_id: ").append(s.alloc()).append(", meta: ").append(s.meta()).append(" }: ");
                t.ty(s.ty());
            }
        }
    }

    private void values(List<ConstValue> vs) {
        for (int i = 0; i < vs.size(); i++) {
            if (i > 0) sb.append(", ");
            value(vs.get(i));
        }
    }
}
