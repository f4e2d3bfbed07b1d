package org.postage.domain.credential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A hashed secret of the operator's, such as the generated admin password, kept across restarts. */
@Entity
@Table(name = "operator_secret")
public class OperatorSecret {

    public static final String ADMIN_PASSWORD = "admin-password";

    @Id
    @Column(length = 64)
    private String name;

    @Column(nullable = false, length = 200)
    private String hash;

    protected OperatorSecret() {}

    public OperatorSecret(String name, String hash) {
        this.name = name;
        this.hash = hash;
    }

    public String getName() {
        return name;
    }

    public String getHash() {
        return hash;
    }
}
