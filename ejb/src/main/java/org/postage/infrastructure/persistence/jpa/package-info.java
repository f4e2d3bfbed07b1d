/** JPA implementations of the domain repositories, on the PostageDS datasource. */
package org.postage.infrastructure.persistence.jpa;
