package io.bankcrm.segmentation.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tiers of a policy, top first: a tier's rank is its position (1 the top). "One tier down" means the next
 * rung of this ladder. {@code names} gives each code's display name, for reasons ("below the gold bar").
 */
public record TierLadder(List<String> codes, Map<String, String> names) {

    public TierLadder {
        codes = List.copyOf(codes);
        names = Map.copyOf(names);
        for (String code : codes) {
            if (!names.containsKey(code)) {
                throw new IllegalArgumentException("no name for tier " + code);
            }
        }
    }

    public int size() {
        return codes.size();
    }

    public String code(int rank) {
        return codes.get(rank - 1);
    }

    /** The rank of a tier, or null when the tier is not on this ladder (e.g. set by another segment's policy). */
    public Integer rankOf(String code) {
        int index = codes.indexOf(code);
        return index < 0 ? null : index + 1;
    }

    /** The name of a tier as it reads inside a sentence: "gold". */
    public String barName(int rank) {
        return names.get(code(rank)).toLowerCase(Locale.ROOT);
    }

    public String rankOfSql(String codeColumn) {
        StringBuilder sql = new StringBuilder("case ").append(codeColumn);
        for (int i = 0; i < codes.size(); i++) {
            sql.append(" when ").append(SqlText.text(codes.get(i))).append(" then ").append(i + 1);
        }
        return sql.append(" end").toString();
    }

    public String codeSql(String rankExpression) {
        return "(" + SqlText.textArray(codes) + ")[" + rankExpression + "]";
    }

    public String barNameSql(String rankExpression) {
        List<String> bars = codes.stream().map(c -> names.get(c).toLowerCase(Locale.ROOT)).toList();
        return "(" + SqlText.textArray(bars) + ")[" + rankExpression + "]";
    }
}
