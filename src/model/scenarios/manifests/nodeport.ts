/** The `nodeport` scenario's manifests: multi-document YAML, read by `parseManifests` as a user's file. */
export default `# NodePort on three nodes: every node opens the same port, even the one with no web pod.
apiVersion: explainer.dev/v1alpha1
kind: ClusterSettings
metadata:
  name: cluster
spec:
  provider: bare-metal
  nodeSubnet: 10.0.1.0/24
  nodesPublic: false
  clients:
    - name: laptop
      location: lan
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
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: default
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - name: http
              containerPort: 8080
              protocol: TCP
---
apiVersion: v1
kind: Pod
metadata:
  name: web-7c4b9d6f58-k9x2t
  namespace: default
  labels:
    app: web
    pod-template-hash: 7c4b9d6f58
spec:
  nodeName: worker-1
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - name: http
          containerPort: 8080
          protocol: TCP
---
apiVersion: v1
kind: Pod
metadata:
  name: web-7c4b9d6f58-m4q7v
  namespace: default
  labels:
    app: web
    pod-template-hash: 7c4b9d6f58
spec:
  nodeName: worker-2
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - name: http
          containerPort: 8080
          protocol: TCP
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: default
  labels:
    app: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: http
      nodePort: 30080
      protocol: TCP
`;
