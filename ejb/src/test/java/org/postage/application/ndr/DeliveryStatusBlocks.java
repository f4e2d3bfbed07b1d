package org.postage.application.ndr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A reader for message/delivery-status bodies in tests: header-like blocks separated by empty lines. */
final class DeliveryStatusBlocks {

    private DeliveryStatusBlocks() {}

    /** The per-message block first, then one per recipient; field names are case-insensitive, values unfolded. */
    static List<Map<String, String>> parse(String body) {
        List<Map<String, String>> blocks = new ArrayList<>();
        for (String block : body.strip().split("\r\n\r\n")) {
            Map<String, String> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String line : block.replaceAll("\r\n[ \t]+", " ").split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException("not a field: " + line);
                }
                if (fields.put(
                                line.substring(0, colon).strip(),
                                line.substring(colon + 1).strip())
                        != null) {
                    throw new IllegalArgumentException("field twice in one block: " + line);
                }
            }
            blocks.add(fields);
        }
        return blocks;
    }
}
