package org.postage.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PostageApiTest {

    @Test
    void theAdminApiIsEverythingUnderAdminAndNothingElse() {
        assertTrue(PostageApi.isAdminApi("/admin/accounts"));
        assertTrue(PostageApi.isAdminApi("admin/accounts/1/senders"));
        assertTrue(PostageApi.isAdminApi("/admin"));
        assertFalse(PostageApi.isAdminApi("/administrator"));
        assertFalse(PostageApi.isAdminApi("/senders/verify"));
        assertFalse(PostageApi.isAdminApi("/"));
    }
}
