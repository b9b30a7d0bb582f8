package dev.mirlink.bridge.mirtext;

import dev.mirlink.mir.alloc.AllocId;
import dev.mirlink.mir.alloc.Bytes;
import dev.mirlink.mir.body.ConstValue;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.Ty;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * MIR constant values as {@code Const}'s Display and {@code pretty_print_const_value} print
 * them (rustc_middle/src/mir/pretty.rs, ty/print/pretty.rs).
 */
final class ConstParser {
    private static final ConstValue TRUE = new ConstValue.Bool(true);
    private static final ConstValue FALSE = new ConstValue.Bool(false);
    private static final ConstValue UNIT = new ConstValue.Tuple(List.of());
    private static final ConstValue UNINIT = new ConstValue.Uninit();

    private static final String[] UNPRINTED = {
        "<function>", "<vtable>", "<typeid>", "<dangling pointer>", "<too short allocation>"
    };

    private final Cursor c;
    private final TyParser t;

    ConstParser(Cursor c, TyParser t) {
        this.c = c;
        this.t = t;
    }

    /** The value after {@code const }. */
    ConstValue value() {
        char ch = c.peek();
        switch (ch) {
            case '"':
                return new ConstValue.Str(Escapes.string(c));
            case '\'':
                return scalarTail(new ConstValue.Char(t.charLiteral()));
            case '[': {
                c.pos++;
                List<ConstValue> elems = new ArrayList<>();
                if (!c.at(']')) {
                    elems.add(value());
                    while (c.eat(", ")) elems.add(value());
                }
                c.take(']', "array constant");
                return new ConstValue.Array(elems);
            }
            case '(': {
                c.pos++;
                if (c.eat(')')) return UNIT;
                List<ConstValue> elems = new ArrayList<>(3);
                elems.add(value());
                if (c.eat(",)")) return new ConstValue.Tuple(elems);
                while (c.eat(", ")) elems.add(value());
                c.take(')', "tuple constant");
                return new ConstValue.Tuple(elems);
            }
            case '{':
                return braced();
            case '*':
                if (c.at("*b\"")) {
                    c.pos++;
                    return new ConstValue.ByteStr(Bytes.wrap(Escapes.byteString(c)), true);
                }
                break;
            case '<':
                if (c.eat("<uninit>")) return UNINIT;
                for (String m : UNPRINTED) {
                    if (c.eat(m)) return new ConstValue.UnprintedBytes(m.substring(1, m.length() - 1));
                }
                if (c.eat("<static(DefId(")) {
                    int e = c.s.indexOf("))>", c.pos);
                    int nl = c.s.indexOf('\n', c.pos);
                    if (e < 0 || (nl >= 0 && nl < e)) throw c.error("static reference", "unterminated");
                    String m = "static(DefId(" + c.s.substring(c.pos, e) + "))";
                    c.pos = e + 3;
                    return new ConstValue.UnprintedBytes(m);
                }
                break;
            case 'b':
                if (c.at("b\"")) return new ConstValue.ByteStr(Bytes.wrap(Escapes.byteString(c)), false);
                break;
            case 't':
                if (c.eatWord("true")) return scalarTail(TRUE);
                break;
            case 'f':
                if (c.eatWord("false")) return scalarTail(FALSE);
                break;
            case 'Z':
                if (c.eat("ZeroSized: ")) return new ConstValue.ZeroSized(t.ty());
                break;
            case 'I':
                if (c.eat("Indirect { alloc_id: ")) {
                    AllocId id = allocId();
                    c.take(", offset: Size(", "indirect constant");
                    long off = c.ulong("offset");
                    c.take(" bytes) }: ", "indirect constant");
                    return new ConstValue.Indirect(id, off, t.ty());
                }
                break;
            case 'S':
                if (c.eat("Slice { alloc_id: ")) {
                    AllocId id = allocId();
                    c.take(", meta: ", "slice constant");
                    long meta = c.ulong("meta");
                    c.take(" }: ", "slice constant");
                    return new ConstValue.Slice(id, meta, t.ty());
                }
                break;
            case 'N':
                if (c.at("NaN_f")) return scalarTail(number());
                break;
            case '+':
            case '-':
                return scalarTail(number());
            default:
                if (Cursor.isDigit(ch)) return scalarTail(number());
                break;
        }
        Ty.IntTy bound = t.intBoundAhead();
        if (bound != null) return scalarTail(new ConstValue.Int(t.intBound(), bound));
        if (ch == '<' || c.atIdentStart()) return pathValue();
        throw c.error("constant", "expected a constant");
    }

    /** A scalar may be the base of a pattern-type value: {@code 5_u32 is 1..}. */
    private ConstValue scalarTail(ConstValue v) {
        if (c.eat(" is ")) return new ConstValue.PatValue(v, t.patternText());
        return v;
    }

    /** An int with suffix ({@code 5_u32}) or a float ({@code 1.5f32}, {@code +Inf_f64}, {@code NaN_f16}). */
    private ConstValue number() {
        int start = c.pos;
        if (c.eat("NaN_") || c.eat("+Inf_") || c.eat("-Inf_")) {
            String text = c.s.substring(start, c.pos - 1);
            return new ConstValue.Float(text, floatSuffix());
        }
        boolean neg = c.eat('-');
        int digitsStart = c.pos;
        while (c.pos < c.len && Cursor.isDigit(c.s.charAt(c.pos))) c.pos++;
        if (c.pos == digitsStart) throw c.error("number", "expected digits");
        if (c.at('_')) {
            if (c.pos - digitsStart > 1 && c.s.charAt(digitsStart) == '0') throw c.error("number", "leading zero");
            BigInteger v = c.pos - digitsStart <= 18
                    ? BigInteger.valueOf(Long.parseLong(c.s, digitsStart, c.pos, 10))
                    : new BigInteger(c.s.substring(digitsStart, c.pos));
            c.pos++;
            Ty.IntTy ty = intSuffix();
            return new ConstValue.Int(neg ? v.negate() : v, ty);
        }
        if (c.eat('.')) {
            int f = c.pos;
            while (c.pos < c.len && Cursor.isDigit(c.s.charAt(c.pos))) c.pos++;
            if (c.pos == f) throw c.error("float", "expected digits after '.'");
        }
        if (c.eat('E')) {
            if (!c.eat('+')) c.eat('-');
            int f = c.pos;
            while (c.pos < c.len && Cursor.isDigit(c.s.charAt(c.pos))) c.pos++;
            if (c.pos == f) throw c.error("float", "expected exponent digits");
        }
        String text = c.s.substring(start, c.pos);
        return new ConstValue.Float(text, floatSuffix());
    }

    private Ty.IntTy intSuffix() {
        int start = c.pos;
        while (c.pos < c.len && Cursor.isIdentChar(c.s.charAt(c.pos))) c.pos++;
        Ty.IntTy ty = Ty.IntTy.byName(c.s.substring(start, c.pos));
        if (ty == null) {
            c.pos = start;
            throw c.error("integer constant", "expected an integer suffix");
        }
        return ty;
    }

    private Ty.FloatTy floatSuffix() {
        int start = c.pos;
        while (c.pos < c.len && Cursor.isIdentChar(c.s.charAt(c.pos))) c.pos++;
        Ty.FloatTy ty = Ty.FloatTy.byName(c.s.substring(start, c.pos));
        if (ty == null) {
            c.pos = start;
            throw c.error("float constant", "expected a float suffix");
        }
        return ty;
    }

    AllocId allocId() {
        c.take("alloc", "allocation id");
        return new AllocId(c.ulong("allocation id"));
    }

    private ConstValue braced() {
        c.take('{', "constant");
        if (c.at("alloc") && Cursor.isDigit(c.peek(5))) {
            AllocId id = allocId();
            long offset = 0;
            if (c.eat("+0x")) offset = hexLong();
            boolean imm = c.eat("<imm>");
            c.take(": ", "pointer constant");
            Ty ty = t.ty();
            c.take('}', "pointer constant");
            return new ConstValue.Pointer(id, offset, imm, ty);
        }
        if (c.eat("0x")) {
            BigInteger v = hexBig();
            c.take(" as ", "pointer constant");
            Ty ty = t.ty();
            c.take('}', "pointer constant");
            return new ConstValue.IntPointer(v, ty);
        }
        if (c.eat("transmute(")) {
            BigInteger bits = BigInteger.ZERO;
            int size = 0;
            if (!c.eat("())")) {
                c.take("0x", "transmute constant");
                int start = c.pos;
                bits = hexBig();
                int digits = c.pos - start;
                if (digits % 2 != 0) throw c.error("transmute constant", "odd hex width");
                size = digits / 2;
                c.take(')', "transmute constant");
            }
            c.take(": ", "transmute constant");
            Ty ty = t.ty();
            c.take('}', "transmute constant");
            return new ConstValue.Transmute(bits, size, ty);
        }
        if (c.eat("unreachable(): ")) {
            Ty ty = t.ty();
            c.take('}', "unreachable constant");
            return new ConstValue.Unreachable(ty);
        }
        Path fn = t.path(true);
        c.take(" as ", "fn pointer constant");
        Ty ty = t.ty();
        c.take('}', "fn pointer constant");
        return new ConstValue.FnPointer(fn, ty);
    }

    private long hexLong() {
        int start = c.pos;
        while (c.pos < c.len && Character.digit(c.s.charAt(c.pos), 16) >= 0) c.pos++;
        if (c.pos == start || c.pos - start > 16) throw c.error("hex number", "expected hex digits");
        return Long.parseUnsignedLong(c.s, start, c.pos, 16);
    }

    private BigInteger hexBig() {
        int start = c.pos;
        while (c.pos < c.len && Character.digit(c.s.charAt(c.pos), 16) >= 0) c.pos++;
        if (c.pos == start) throw c.error("hex number", "expected hex digits");
        return new BigInteger(c.s.substring(start, c.pos), 16);
    }

    /** A value path: a promoted, a tuple-like or braced ADT value, a const param or a bare path. */
    private ConstValue pathValue() {
        Path p = t.path(true);
        if (c.eat("::promoted[")) {
            int index = c.uint("promoted index");
            c.take(']', "promoted");
            return new ConstValue.Promoted(p, index);
        }
        if (c.at('(') && !callArgsAhead()) {
            c.pos++;
            List<ConstValue> fields = new ArrayList<>(3);
            if (!c.at(')')) {
                fields.add(value());
                while (c.eat(", ")) fields.add(value());
            }
            c.take(')', "ADT constant");
            return new ConstValue.Adt(p, null, fields);
        }
        if (c.eat(" {{ ")) {
            List<String> names = new ArrayList<>(4);
            List<ConstValue> fields = new ArrayList<>(4);
            if (!c.at(" }}")) {
                while (true) {
                    names.add(fieldName());
                    c.take(": ", "struct constant");
                    fields.add(value());
                    if (!c.eat(", ")) break;
                }
            }
            c.take(" }}", "struct constant");
            return new ConstValue.Adt(p, names, fields);
        }
        if (p.segments().size() == 1 && p.segments().get(0) instanceof PathSegment.Ident id && id.args().isEmpty()
                && t.isParamName(id.name())) {
            return new ConstValue.Param(id.name());
        }
        return new ConstValue.ValuePath(p);
    }

    /** Whether the parenthesized list here is followed by ' -> ', i.e. is a call's argument list. */
    private boolean callArgsAhead() {
        int depth = 0;
        for (int i = c.pos; i < c.len; i++) {
            char ch = c.s.charAt(i);
            if (ch == '\n') return false;
            if (ch == '(') depth++;
            else if (ch == ')' && --depth == 0) return c.s.startsWith(" -> ", i + 1);
            else if (ch == '"') {
                for (i++; i < c.len && c.s.charAt(i) != '"'; i++) {
                    if (c.s.charAt(i) == '\\') i++;
                }
            }
        }
        return false;
    }

    String fieldName() {
        if (Cursor.isDigit(c.peek())) return String.valueOf(c.uint("field name"));
        return c.ident("field name");
    }
}
