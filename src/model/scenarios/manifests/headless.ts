/** The `headless` scenario's manifests: multi-document YAML, read by `parseManifests` as a user's file. */
export default `# A headless Service for a StatefulSet's pods: no ClusterIP, no kube-proxy rules. DNS answers
# with the pod IPs, and each pod gets a stable name of its own (db-0.db, db-1.db, …).
apiVersion: explainer.dev/v1alpha1
kind: ClusterSettings
metadata:
  name: cluster
spec:
  provider: cloud
  nodeSubnet: 10.0.1.0/24
  nodesPublic: false
---
apiVersion: v1
kind: Node
metadata:
  name: worker-1
  labels:
    kubernetes.io/hostname: worker-1
---
apiVersion: v1
kind: Node
metadata:
  name: worker-2
  labels:
    kubernetes.io/hostname: worker-2
---
apiVersion: v1
kind: Node
metadata:
  name: worker-3
  labels:
    kubernetes.io/hostname: worker-3
---
apiVersion: v1
kind: Pod
metadata:
  name: db-0
  namespace: default
  labels:
    app: db
    apps.kubernetes.io/pod-index: "0"
    controller-revision-hash: db-6c8f7d9b5
    statefulset.kubernetes.io/pod-name: db-0
spec:
  hostname: db-0
  subdomain: db
  nodeName: worker-1
  containers:
    - name: postgres
      image: postgres:17
      ports:
        - name: postgres
          containerPort: 5432
          protocol: TCP
---
apiVersion: v1
kind: Pod
metadata:
  name: db-1
  namespace: default
  labels:
    app: db
    apps.kubernetes.io/pod-index: "1"
    controller-revision-hash: db-6c8f7d9b5
    statefulset.kubernetes.io/pod-name: db-1
spec:
  hostname: db-1
  subdomain: db
  nodeName: worker-2
  containers:
    - name: postgres
      image: postgres:17
      ports:
        - name: postgres
          containerPort: 5432
          protocol: TCP
---
apiVersion: v1
kind: Pod
metadata:
  name: db-2
  namespace: default
  labels:
    app: db
    apps.kubernetes.io/pod-index: "2"
    controller-revision-hash: db-6c8f7d9b5
    statefulset.kubernetes.io/pod-name: db-2
spec:
  hostname: db-2
  subdomain: db
  nodeName: worker-3
  containers:
    - name: postgres
      image: postgres:17
      ports:
        - name: postgres
          containerPort: 5432
          protocol: TCP
---
apiVersion: v1
kind: Pod
metadata:
  name: backup
  namespace: default
  labels:
    app: backup
spec:
  nodeName: worker-2
  containers:
    - name: pgbackrest
      image: pgbackrest/pgbackrest:2.54
---
apiVersion: v1
kind: Service
metadata:
  name: db
  namespace: default
  labels:
    app: db
spec:
  clusterIP: None
  selector:
    app: db
  ports:
    - name: postgres
      port: 5432
      targetPort: postgres
      protocol: TCP
`;
