package org.postage.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON field names in snake_case, as the API documents them. Request bodies are read strictly: each field in its
 * own JSON type ({@link StrictJsonTypes}), and a field the request does not take is refused rather than ignored,
 * so that a misspelt {@code "verfied": true} does not quietly mail a verification link.
 */
@Provider
public class JsonbConfigResolver implements ContextResolver<Jsonb> {

    /** Yasson's switch; other JSON-B implementations ignore it. */
    static final String FAIL_ON_UNKNOWN_PROPERTIES = "jsonb.fail-on-unknown-properties";

    private final Jsonb jsonb = JsonbBuilder.create(config());

    /** The configuration of every request and response body, public for tests of the bodies. */
    public static JsonbConfig config() {
        return new JsonbConfig()
                .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
                .withDeserializers(StrictJsonTypes.all())
                .setProperty(FAIL_ON_UNKNOWN_PROPERTIES, true);
    }

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }
}
